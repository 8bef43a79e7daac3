# Hand-written cores, chain_letter (Spanish), source delta.
CORES = r"""
=== [es, fw] RV: Mensaje de la Virgen de Guadalupe - no lo ignores
La Virgen de Guadalupe te visita hoy a través de este mensaje. Si lo reenvías a 12 personas antes de la medianoche recibirás un milagro en tu trabajo y en tu familia. Una señora de Monterrey lo borró y a los tres días perdió su empleo. Un señor lo mandó a 20 personas y le salió el dinero que necesitaba. No es casualidad. Amén.
=== [es, fw] RV: Cadena de oración por los enfermos
Hermanos, les pido una oración por todos los enfermos del mundo. Reza un Padre Nuestro y reenvía esta cadena a 10 personas. Esta cadena viene desde Roma y no se debe romper. Quien la rompa tendrá siete años de mala suerte. Dios los bendiga.
=== [es] chiste: Pepito y la maestra
La maestra le pregunta a Pepito: "Pepito, ¿cuánto es 2 más 2?" Pepito: "4". "Muy bien. ¿Y 4 más 4?" "8". "¿Y 8 más 8?" "16". "¡Excelente! ¿Y 16 más 16?" Pepito: "¡Ay maestra, ahora sí me está viendo la cara de calculadora!" jajaja pásenlo
=== [es, fw, att] RV: Frases de la abuela - ¡qué verdad!
Frases que decía mi abuela:
"Te lo digo por tu bien."
"El que con lobos anda, a aullar se enseña."
"Cuando seas padre comerás huevos."
"¿Tú crees que el dinero crece en los árboles?"
"Ahorita que llegue tu papá vas a ver."
"No me hagas ir para allá."
Si escuchaste alguna de estas, reenvíalo a 10 personas que también sobrevivieron a la chancla jajaja
=== [es, fw] RV: Así somos los mexicanos jaja
Así somos los mexicanos:
- Si no hay salsa no es comida.
- "Ahorita" puede ser en 5 minutos o en 5 años.
- Guardamos las bolsas del súper dentro de otra bolsa.
- El bote de galletas danesas siempre tiene hilos de coser.
- Decimos "ya voy" cuando ni nos hemos bañado.
Reenvía a todos tus paisanos jajaja
=== [es, fw] Fwd: Reenvía a 10 personas y pide un deseo
Esto es real. Pide un deseo en silencio. Ahora reenvía este mensaje a 10 personas en los próximos 10 minutos. Mañana tu deseo se cumplirá. Si lo mandas a 5 personas se cumplirá en una semana. Si no lo mandas a nadie... mejor no te digo. Funciona, a mi prima le funcionó.
=== [es] chiste del borracho
Llega un borracho a su casa a las 4 de la mañana y la esposa le dice: "¿Estas son horas de llegar?" Y el borracho le contesta: "Pues tú dime, porque yo traigo el reloj parado." jajaja buen viernes a todos
=== [es, fw] RV: Cuidado con las llamadas de números desconocidos
URGENTE: Si te llaman del número +50 y cuelgas, te roban todos los datos del teléfono y tu cuenta de banco en 3 segundos. Lo dijeron en Televisa. Pásalo a todos tus contactos, es muy importante. Mi cuñado es policía y dijo que es cierto.
=== [es, fw, att] RV: Oración a San Judas Tadeo - 9 días
Oh glorioso apóstol San Judas Tadeo, patrón de los casos difíciles y desesperados, ruega por nosotros. Reza esta oración 9 días seguidos y publícala o envíala a 9 personas. Nunca se ha sabido que falle. Doy gracias a San Judas por el favor recibido.
=== [es] chistes de suegras
- ¿Cuál es el colmo de una suegra? Que su yerno le diga "mamá" y ella le crea.
- Doctor, mi suegra se cree gallina. - ¿Y desde cuándo? - Desde hace 3 años. - ¿Y por qué no la trajo antes? - Porque necesitábamos los huevos.
jajaja no se lo enseñen a sus suegras
=== [es, fw] RV: Cosas que solo entiende la gente de rancho
Si eres de rancho:
- Sabes que "orita vengo" significa que vas al pueblo y regresas en la noche.
- Tu tío tiene una troca que no arranca desde 1998 pero no la vende.
- Las fiestas duran 3 días.
- Tu abuelita te da de comer aunque ya comiste.
Reenvía a tus compas de rancho jaja
=== [es, fw] Fwd: Facebook borrará tu cuenta - copia y pega
A partir de mañana Facebook podrá usar todas tus fotos. Para evitarlo debes copiar y pegar este mensaje en tu muro y reenviarlo: "No doy permiso a Facebook de usar mis fotos ni información". Si no lo haces, aceptas. Es legal, lo dijo un abogado. Pásalo.
=== [es] chiste: el gallego y el taxi
Un gallego toma un taxi y le dice al taxista: "Al aeropuerto por favor." El taxista le pregunta: "¿Qué terminal?" Y el gallego contesta: "¡Pues espero que ninguna, hombre, que me voy de vacaciones!" jajaja
=== [es, fw] RV: Mensaje de un ángel para ti
Hoy un ángel me pidió que te mandara este mensaje: Dios tiene algo grande preparado para ti este mes. Pero tienes que reenviarlo a 7 personas que amas en menos de una hora. Si lo rompes, el ángel se va. No lo ignores, alguien está orando por ti.
=== [es, fw] RV: La historia de la mamá y el hijo - para llorar
Un niño le preguntó a su mamá por qué lloraba. Ella dijo "porque soy mujer". El niño no entendió. Años después le preguntó a Dios, y Dios le dijo: "Al hacer a la mujer le di fuerza para cargar al mundo y ternura para consolar... y le di lágrimas, que son solo de ella." Manda esto a todas las mujeres especiales de tu vida. Si te llega de vuelta 5 veces, eres muy querida.
=== [es] adivinanzas para el viernes jaja
¿Qué le dijo un semáforo a otro? No me mires que me estoy cambiando.
¿Qué le dijo el pez al otro pez? Nada.
¿Qué hace una abeja en el gimnasio? ¡Zumba!
¿Por qué el libro de matemáticas está triste? Porque tiene muchos problemas.
Pásenlas, que el lunes está lejos jaja
=== [es, fw] RV: Lo que aprendí a los 50
A los 50 aprendí que:
- El que no te busca, no te extraña.
- La familia no es la sangre, es quien está contigo.
- Las arrugas son la prueba de que reímos.
- Nunca es tarde para empezar de nuevo.
Reenvía a las personas que te importan y verás cuántas te lo regresan.
=== [es, fw] Fwd: El rosario de las 7 bendiciones
Este rosario viene desde el santuario de Fátima. Si rezas con él esta noche y reenvías el mensaje a 7 personas, en 7 días recibirás 7 bendiciones. No lo guardes para ti. Una familia en Guadalajara lo guardó y su casa se inundó. Dios ve todo.
=== [es] chiste del doctor
- Doctor, doctor, tengo un problema: todo el mundo me ignora.
- Siguiente, por favor.
- Doctor, ¿cómo sé si soy miope?
- Pues es fácil... ¿Señora, está usted hablando con el perchero?
jajaja buen día compañeros
=== [es, fw] RV: Si eres hijo de mamá mexicana reenvía
Mamá mexicana:
- "¿Quién te crees que soy, tu sirvienta?"
- "Ahí está, si no lo encuentro yo, verás."
- "Ponte un suéter, que yo tengo frío."
- "Me vas a extrañar cuando me muera."
- "¿Y a mí qué si tus amigos lo hacen?"
Reenvía a 10 hijos de mamá mexicana jajaja
=== [es, fw] RV: Petición: que no cierren la clínica - firma y reenvía
Están por cerrar la clínica gratuita del barrio. Por cada persona que reenvíe este correo, la asociación recibirá una firma más para la petición al gobierno. Necesitamos 50,000 reenvíos antes del viernes. Pon tu nombre al final de la lista y mándalo a todos tus contactos. 1. Rosa M. 2. Javier P. 3. Lupita G...
=== [es] cuento chistoso del loro
Una señora compra un loro en el mercado y el vendedor le dice que el loro habla. Llega a su casa y el loro dice: "¡Casa nueva!". Entra la hija: "¡Casa nueva, muchacha nueva!". Llega el esposo y dice el loro: "¡Hola Ramiro, otra vez por aquí!" jajajaja reenvíenlo
=== [es, fw] RV: Alerta: el agua de botella en el carro da cáncer
¡Cuidado! No tomen agua de botellas que se dejaron en el carro al sol. El plástico suelta químicos que causan cáncer. Así le dio a una conocida de mi hermana. Un doctor del Seguro Social lo confirmó. Reenvía a todas tus amigas, puede salvar una vida.
=== [es] frases de compadres jaja
Frases de compadres:
"Compadre, la última y nos vamos." (a las 3 de la mañana)
"Yo invito... la próxima."
"No le digas a la comadre."
"Aquí nomás pasaba."
"Échale más carne que ahorita llegan los demás."
jaja pásenlo a sus compadres
=== [es, fw] RV: Santa Muerte - reenvía o sufrirás
Este mensaje lleva la protección de la Santa. Debes reenviarlo a 13 personas antes de que acabe el día. Quien lo borre tendrá 13 días de mala suerte. Un muchacho en Juárez se rió de este mensaje y a la semana chocó su camioneta. No es broma.
=== [es] chistes de Jaimito en la escuela
La maestra: "Jaimito, dime una palabra con la letra B." Jaimito: "Burro." "Muy bien. Ahora una con la C." "Caballo." "¡Excelente! ¿Y con la D?" "Dos burros y un caballo." jajajaja
=== [es, fw] Fwd: WhatsApp Gold - no lo instales
AVISO: mañana sale un video que se llama "Martinelli" en WhatsApp, no lo abras, te hackea el teléfono en 10 segundos. Y si te invitan a actualizar a WhatsApp Gold no aceptes, es un virus. Lo confirmaron en las noticias. Pásalo a todos tus grupos.
=== [es, fw, att] RV: Las 10 leyes de la vida según mi abuelo
1. El que madruga, Dios lo ayuda.
2. No dejes para mañana lo que puedes hacer hoy.
3. Camarón que se duerme se lo lleva la corriente.
4. No hay mal que por bien no venga.
5. Más vale pájaro en mano que ciento volando.
Mi abuelo vivió 97 años siguiendo estas leyes. Reenvía este correo a 10 personas y honra a los abuelos.
=== [es] chiste del gringo en México jaja
Un gringo llega a un restaurante en Puebla y pide "un taco no muy picante por favor". El mesero le dice "claro, güero". Le traen el taco, el gringo lo muerde, se pone rojo y empieza a llorar. El mesero le dice: "¿Qué pasó, güero?" Y el gringo: "¡Me dijiste que no picaba!" "No, güero, yo dije que claro... ¡claro que pica!" jajajaja
=== [es, fw] RV: Bendición para tu semana - pásala
Que Dios bendiga tu lunes, tu trabajo, tu casa y tu familia. Que no falte el pan en tu mesa ni la salud en tu cuerpo. Esta bendición fue enviada a ti. Ahora envíala a 10 amigos y a ti mismo. Si te regresa, es que eres una persona bendecida. No la rompas.
"""
