# Hand-written cores, clean: IT help desk answers about hoaxes and chain letters.
CORES = r"""
=== [int] RE: Is this Microsoft email real?
Hi - thanks for checking with us. The message that says Microsoft will pay you for forwarding it to 5 people is a hoax that has been going around since the 1990s. Microsoft does not track forwards and nobody gets paid. Please delete it and don't forward it. No action is needed on your computer.
=== [int] RE: virus warning from my brother-in-law
That "don't open the Postcard" warning is a hoax. The real warnings come from the IT Security team with the subject tag [IT SECURITY]. Your machine is fine. Please don't forward the message to others; it just fills up mailboxes and causes worry. Delete it.
=== [int] IT Help Desk: known hoax messages circulating
We are seeing three hoax messages circulating this week: a "WhatsApp will start charging" copy-and-paste, a "Facebook owns your photos unless you post this" notice, and a claim that answering a call from a certain area code steals your bank account. None are real. Delete them and do not forward. Real threats will be announced by IT Security.
=== [int] RE: ticket 448213 - prayer chain email with attachment
Closing this ticket. The attachment on the prayer chain email was a harmless .pps slideshow, but we recommend not opening attachments from forwarded chains. We've blocked the sender's attachment type at the gateway. Policy reminder: chain letters should not be forwarded on state email.
=== [es, int] RE: ¿Es real el mensaje de WhatsApp Gold?
Hola, gracias por preguntar. El mensaje de "WhatsApp Gold" y el video "Martinelli" es un engaño que circula desde hace años. No es un virus real. Por favor bórrelo y no lo reenvíe. Si recibe algo sospechoso en su correo del trabajo, use el botón de reportar phishing.
"""
