# Hand-written cores, clean Spanish business mail, source delta.
CORES = r"""
=== [es, out] Aviso de cierre de carretera - Ruta 65
Estimado vecino: le informamos que la Ruta 65 estará cerrada entre la Calle Kearney y la Ruta AA del 3 al 7 de marzo para el reemplazo de una alcantarilla. El desvío estará señalizado por la I-44. Le pedimos planear su viaje con tiempo adicional. Para más información llame al 1-888-275-6636.
=== [es, int] Cuadrilla 3 - horario de la semana
Buenos días, cuadrilla. Esta semana trabajamos en el sello de grietas en la Ruta 5 del martes al jueves. Presentarse en el patio a las 6:30. El viernes hay capacitación de seguridad sobre zanjas. Traigan chaleco clase 3 y lentes.
=== [es, out] Respuesta a su queja sobre el bache en la Ruta B
Gracias por comunicarse con el Departamento de Transporte de Missouri. Recibimos su reporte sobre el bache en la Ruta B cerca del kilómetro 12. Una cuadrilla de mantenimiento lo reparará esta semana, si el clima lo permite. Su número de caso es CS-2026-0418.
=== [es, int] Recursos Humanos: inscripción abierta de beneficios
La inscripción abierta para los beneficios de salud es del 1 al 31 de octubre. Revise sus opciones de seguro médico, dental y de visión en el portal de empleados. Si no hace cambios, su cobertura actual continuará. Para ayuda, comuníquese con Recursos Humanos de su distrito.
=== [es, out] Aviso público: audiencia sobre el proyecto del puente
Aviso público: el Departamento de Transporte llevará a cabo una reunión pública sobre el reemplazo del puente de la Ruta 13 sobre el río Osage el jueves 14 de mayo de 4 a 7 pm en la escuela primaria de Osceola. Habrá intérpretes de español. Los comentarios se pueden enviar hasta el 29 de mayo.
=== [es, int] Capacitación obligatoria sobre acoso laboral
Recordatorio: todos los empleados deben completar el curso en línea de prevención del acoso laboral antes del 30 de junio. El curso dura 45 minutos. Si alguien sufre o presencia acoso, debe reportarlo a su supervisor o a Recursos Humanos. Las represalias están prohibidas.
=== [es, out] Cierre nocturno de carriles en la I-70
Aviso a los conductores: habrá cierres nocturnos de carriles en la I-70 en dirección oeste entre las salidas 124 y 128 de 8 pm a 6 am, de lunes a jueves, durante tres semanas. Reduzca la velocidad en la zona de trabajo. Las multas se duplican.
=== [es, int] Lista de herramientas para la cuadrilla de puentes
Hola, para la reparación de la losa del puente necesitamos: dos martillos neumáticos, el compresor grande, 40 sacos de concreto de fraguado rápido, la cortadora y conos suficientes para un cierre de carril. Favor de confirmar con el almacén antes del miércoles.
=== [es, out] Información sobre la solicitud de permiso de entrada
Estimado señor: recibimos su solicitud de permiso para una entrada de vehículos a la Ruta 32. Necesitamos un plano del sitio y la firma del propietario. El trámite no tiene costo. Una vez recibidos los documentos, la revisión tarda unas dos semanas.
=== [es, int] Recordatorio: reporte de horas en el sistema
Recordatorio para todo el personal: las horas de la quincena deben registrarse antes del lunes a las 10 am. Las horas extra por el operativo de nieve deben anotarse con el código de proyecto correspondiente. Si tiene dudas, consulte a su supervisor.
=== [es, out] Respuesta a solicitud de registros públicos
En respuesta a su solicitud bajo la Ley Sunshine de Missouri, adjuntamos los informes de inspección del puente solicitados. No hay costo por esta solicitud. Si necesita documentos adicionales, favor de indicarlo por escrito.
=== [es, in] Pregunta sobre la zona de trabajo frente a mi negocio
Buenos días, tengo un restaurante en la Ruta 24 y la obra está bloqueando la entrada. ¿Cuándo van a terminar? Mis clientes no encuentran por dónde entrar. ¿Podrían poner un letrero que diga que el negocio está abierto?
=== [es, out] Respuesta: letrero de negocio abierto
Gracias por su mensaje. Hablamos con el contratista y colocarán un letrero de "Negocios abiertos" y un acceso temporal a su estacionamiento a partir del martes. Se espera terminar esta fase a finales de mes. Lamentamos las molestias.
=== [es, int] Seguridad: uso de chalecos y cascos
Recordatorio de seguridad: en toda zona de trabajo es obligatorio usar chaleco de alta visibilidad, casco y botas con casquillo. La semana pasada un conductor casi golpea a un trabajador en la Ruta 54. Mantengan siempre el camión de amortiguamiento detrás de la cuadrilla.
=== [es, out] Vacantes de empleo - trabajador de mantenimiento
El Departamento de Transporte de Missouri tiene vacantes para trabajador de mantenimiento en los condados de Pettis y Saline. Salario inicial de 19.50 dólares por hora, beneficios completos y jubilación. Se requiere licencia de conducir comercial clase A o B, o obtenerla en seis meses. Solicite en línea.
=== [es, int] Subasta de equipo excedente del estado
Se informa que el equipo excedente del estado (camionetas, una motoniveladora y un esparcidor de sal) se venderá en subasta pública en línea a partir del 10 de abril. Los empleados no pueden reservar equipo. Todas las ventas son oficiales y los fondos van al estado.
=== [es, out] Aviso: voladuras controladas en el proyecto de la Ruta 60
Aviso a los residentes: del 5 al 9 de agosto habrá voladuras controladas en el corte de roca de la Ruta 60. El tráfico se detendrá hasta 15 minutos entre las 10 am y las 2 pm. Escuchará una sirena antes de cada voladura.
=== [es, int, att] Resumen de la reunión de la cuadrilla de nieve
Resumen: cada camión debe revisar la cuchilla y el esparcidor antes del 1 de noviembre. Las rutas de quitanieves siguen iguales, excepto la ruta 7 que ahora incluye la Ruta J. Se hará una reunión de práctica con los operadores nuevos el sábado.
=== [es, out] Información para conductores: invierno
Antes de salir en invierno, revise el mapa de condiciones del camino en traveler.modot.org. Mantenga distancia con los quitanieves y nunca los rebase por la derecha. Lleve en su vehículo una cobija, agua y una linterna.
=== [es, int] Recursos Humanos: programa de asistencia al empleado
Le recordamos que el Programa de Asistencia al Empleado ofrece consejería confidencial y gratuita para usted y su familia, también en español. Llame las 24 horas. El uso del programa no se comparte con su supervisor.
=== [es, in] Solicitud de información sobre el proyecto en mi terreno
Hola, recibí una carta sobre la compra de una franja de mi terreno para ampliar la carretera. ¿Me podrían explicar el proceso y si puedo pedir un avalúo independiente? Gracias.
=== [es, out] Respuesta: proceso de adquisición de derecho de vía
Gracias por su consulta. Un especialista de derecho de vía se comunicará con usted para explicar la oferta, que se basa en un avalúo. Usted tiene derecho a obtener su propio avalúo y a hacer preguntas en cualquier momento. Adjuntamos el folleto informativo en español.
=== [es, int] Accidente en la Ruta 7 - informe preliminar
Informe preliminar: el martes a las 14:10 un vehículo particular impactó el remolque con flecha de la cuadrilla 2 en la Ruta 7. El conductor fue llevado al hospital con lesiones leves. Ningún empleado resultó herido. Se adjuntan fotos y el informe de la patrulla.
=== [es, out] Aviso: cambio de horario de la oficina de servicio al cliente
Le informamos que a partir del 1 de septiembre la oficina de servicio al cliente del distrito atenderá de 7:30 am a 4:30 pm, de lunes a viernes. Los reportes de emergencia en la carretera se atienden las 24 horas al 1-888-275-6636.
=== [es, int] Convivio de jubilación de don Arturo
El viernes a las 2 pm haremos un pequeño convivio en la sala de juntas para despedir a don Arturo, que se jubila después de 31 años. Habrá pastel. Si desean cooperar para el regalo, hay un sobre con Connie. Es voluntario.
=== [es, out, att] Aviso público: periodo de comentarios sobre el plan de transporte
El borrador del Plan de Transporte del Estado está disponible para comentarios del público hasta el 15 de julio. Puede leerlo en línea o en las oficinas de distrito. Los comentarios pueden enviarse por correo, por teléfono o en las reuniones públicas.
=== [es, int] Alerta de TI: correo de phishing
Alerta de TI: se están recibiendo correos falsos que dicen ser de Recursos Humanos y piden su contraseña para "actualizar su nómina". No haga clic en el enlace. Reporte el correo con el botón de phishing y bórrelo. TI nunca le pedirá su contraseña.
=== [es, out] Confirmación de cita para inspección de la alcantarilla
Confirmamos la visita del inspector el jueves 22 a las 9 am para revisar la alcantarilla debajo de su entrada en la Ruta Y. No es necesario que esté presente, pero si desea acompañarlo, favor de avisarnos.
=== [es, int, att] Traducción del folleto de seguridad en zonas de trabajo
Adjunto la traducción al español del folleto de seguridad en zonas de trabajo. Favor de revisar los términos técnicos (abanderado, señalero, zona de transición) antes de mandarlo a imprimir. Necesitamos la versión final para el viernes.
=== [es, out] Aviso de inundación: cierre de la Ruta 94
Debido a las inundaciones, la Ruta 94 está cerrada entre Portland y Mokane hasta nuevo aviso. No maneje por caminos inundados: dé la vuelta, no se ahogue. Consulte el mapa de viajero para rutas alternas.
"""
