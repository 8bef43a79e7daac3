# Hand-written cores, solicitation (Spanish), source delta.
CORES = r"""
=== [es] Vendo troca Silverado 2012
Vendo mi troca Chevy Silverado 2012, 4x4, 168 mil millas, motor 5.3, llantas nuevas. Pido 11,500 o mejor oferta. Título limpio. Si alguien está interesado mándenme mensaje al 573-555-0148. Se puede ver en el estacionamiento después del turno.
=== [es, att, att] Venta de tamales para el viernes
¡Hola compañeros! Este viernes vendo tamales de puerco en salsa verde, de pollo con rajas y de dulce. La docena a 20 dólares, media docena a 11. Hagan su pedido antes del miércoles y se los traigo a la oficina. Acepto efectivo, Zelle o Venmo.
=== [es] Rifa de una pantalla de 65 pulgadas
Estoy haciendo una rifa de una pantalla Samsung de 65 pulgadas para juntar dinero para los XV años de mi hija. El boleto cuesta 10 dólares o 3 por 25. La rifa es el 30 de noviembre por Facebook Live. Quien quiera boletos me avisa.
=== [es] Tanda de 200 a la semana - faltan 3 lugares
Estoy armando una tanda de 200 dólares semanales, 10 números, cada quien recibe 2,000. Empieza el primer viernes del mes. Ya tengo 7 personas, me faltan 3. El número 1 es mío por organizarla. Avísenme hoy si quieren entrar.
=== [es] Vendo perritos chihuahua
Vendo perritos chihuahua de 8 semanas, ya desparasitados y con primera vacuna. Dos machos y una hembra. 250 dólares cada uno. Les mando fotos por WhatsApp. Se entregan en Marshall o Sedalia.
=== [es, att] Productos de Herbalife - promoción del mes
Hola, les comparto que ahora soy distribuidora independiente de Herbalife. Este mes tengo los batidos a 45 dólares y el té a 30. Si compran dos les regalo la cuchara y el vaso. También busco personas que quieran generar ingresos extra desde casa, pregúntenme por la oportunidad de negocio.
=== [es] Se renta cuarto en Kansas City
Se renta cuarto amueblado en casa en el Northeast de Kansas City, 600 al mes con servicios incluidos, baño compartido, cocina. Solo persona sola y trabajadora. Depósito de 300. Interesados llamar después de las 5.
=== [es] Pozole y menudo el domingo - pedidos
Este domingo vendo menudo y pozole rojo, el litro a 12 dólares y el galón a 40. También tostadas y cebolla picada. Pedidos antes del sábado a mediodía. Pasen a recoger o se los llevo si viven cerca de Columbia.
=== [es] Ofrezco servicio de limpieza de casas
Buenas tardes, mi esposa ofrece limpieza de casas y oficinas en el área de Springfield, con referencias. 90 dólares casa chica, 140 casa grande. Trabaja los sábados y domingos. Pásenle mi número a quien le interese.
=== [es] Vendo boletos para el concierto de Los Tigres del Norte
Tengo 4 boletos para Los Tigres del Norte en el T-Mobile Center, sección 112. Ya no puedo ir. Los dejo en 90 cada uno, costaron 130. Transferencia por Ticketmaster. Mándame mensaje.
=== [es, att] Venta de ropa y zapatos nuevos - catálogo Andrea
Ya llegó el nuevo catálogo de zapatos Andrea y ropa Price Shoes. Hago pedidos cada dos semanas, llegan a la oficina. Pueden pagar en dos quincenas. Pídanme el catálogo impreso o les mando el PDF.
=== [es, att] Se hacen pasteles y gelatinas para fiestas
Hago pasteles de tres leches, de chocolate y gelatinas de mosaico para cumpleaños, bautizos y quinceañeras. Pastel para 30 personas 60 dólares. Pedidos con una semana de anticipación. Tengo fotos de mis trabajos, pídanmelas.
"""
