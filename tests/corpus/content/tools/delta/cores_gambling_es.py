# Hand-written cores, gambling (Spanish), source delta.
CORES = r"""
=== [es, att, csv] Quiniela de la Liga MX - jornada 12
¡Ya está la quiniela de la jornada 12! Cuesta 10 dólares por quiniela, pueden llenar las que quieran. El que más aciertos tenga se lleva todo el bote. Entréguenmela antes del viernes a las 5 con el dinero. Ya llevamos 180 en el bote.
=== [es, att, att, csv] Polla mundialista 2026 - inscripción
Compañeros, armamos la polla mundialista para el Mundial 2026. Inscripción 20 dólares. Se pronostica cada partido: 3 puntos por marcador exacto, 1 por acertar el ganador. Premios: 60% al primer lugar, 30% al segundo, 10% al tercero. Adjunto la hoja de pronósticos. Paguen a Ramiro en efectivo.
=== [es] Apuesta Chivas vs América
¿Quién le va al América? Les apuesto 50 dólares a que las Chivas ganan el Clásico este sábado. Si alguien acepta, el dinero lo guarda Lorena hasta el domingo. También acepto apuestas de a 20.
=== [es, att, csv] Cuadros del Super Bowl - 5 dólares el cuadro
Ya está la hoja de cuadros para el Super Bowl. 100 cuadros a 5 dólares cada uno. Se paga 100 por cada cuarto y 200 al final. Los números se sortean el viernes. Pasen a mi escritorio a apartar su cuadro.
=== [es] Lotería - entramos todos al Powerball?
El Powerball ya va en 900 millones. ¿Hacemos una vaca de la oficina? 10 dólares por persona, compro los boletos en el Casey's el miércoles. Si ganamos nos repartimos parejo. Ya somos 14, ¿quién más?
=== [es] Noche de póker el sábado - entrada 40
Este sábado hay póker en mi casa, Texas Hold'em, entrada de 40 dólares, recompras hasta las 10. El ganador se lleva el 70% y el segundo el 30%. Traigan botana. Confirmen para apartarles silla.
=== [es] Apuesta: ¿cuándo cae la primera nevada?
Hagamos una apuesta: ¿qué día cae la primera nevada de más de una pulgada en el patio del distrito? 5 dólares por fecha. El que le atine o quede más cerca se lleva todo. Anoten su fecha en la hoja de la cocina.
=== [es] Peleas de gallos el domingo
Compas, el domingo hay jugada de gallos en el rancho de un primo cerca de Butler. Las apuestas empiezan en 100. Si quieren ir avísenme y les paso la dirección. Nada de fotos ni de contar.
=== [es] Carreras de caballos - apuesta del grupo
El sábado corren los caballos en el rancho de don Efrain, hay carrera de 300 varas. Estamos juntando una bolsa de 500 para el caballo colorado. Quien quiera entrar con 25 me avisa antes del jueves.
=== [es, att, csv] Quiniela del bebé de Maribel
Hagamos la quiniela de cuándo nace el bebé de Maribel y cuánto va a pesar. 5 dólares por adivinanza. El que esté más cerca gana la mitad y la otra mitad se la regalamos a ella. Anótense en la hoja.
=== [es] Pronósticos de la final - bote de 300
La final de la Liga MX es el domingo. Bote de 300 dólares, cada quien pone 20 y escribe el marcador. Si nadie le atina, el bote pasa a la próxima temporada. Dinero a mí antes del jueves.
=== [es] Bingo con dinero en el salón el viernes
Este viernes hay bingo en el salón de mi tía después del trabajo. Las cartas cuestan 2 dólares, el premio grande es de 250. Habrá comida. Pásenle la voz a los del turno de noche.
"""
