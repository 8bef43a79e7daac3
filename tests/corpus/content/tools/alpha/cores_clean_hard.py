# Hand-written core texts, category clean - HARD NEGATIVES (share vocabulary with violations).
# Format: see cores_chain_letter.py.  Every core here carries the hn tag implicitly.
CORES = r"""
=== [int] Surplus sale - plow trucks and graders
The following surplus equipment is for sale through the state surplus property auction: three 2009 International single-axle dump trucks with plow hitches, one 1998 Cat 140H motor grader, and two pallets of used sign posts. Bidding opens Monday on the state surplus website. All items sold as-is, where-is. Inspection at the Macon maintenance lot Friday 9-2.
=== [int] Retirement collection for Larry
Larry is retiring on the 30th after 31 years with the department. We're taking up a collection for a gift and a cake. If you want to chip in, see Donna at the front desk, any amount is fine. Party is Friday at 2pm in the shop. Come say goodbye!
=== [int] Potluck Thursday - sign up sheet
Thanksgiving potluck for the district office Thursday at 11:30 in the large conference room. Turkey and ham are provided by the managers. Sign up sheet for sides is on the break room fridge. Bring your own plate if you can, we're trying to cut down on trash.
=== [int] Chain up advisory - I-70 west of Columbia
Chain up advisory for heavy trucks on I-70 westbound between mile 115 and 130 until further notice. Ice on the bridges. Please make sure the message boards at 128 and 121 are updated and notify the Highway Patrol troop office.
=== [int] motor pool vehicles - reservation change
Starting next month, motor pool vehicles at the Central Office must be reserved through the new fleet system. The pool sedans will be at the west lot. Keys stay in the lockbox. Please return them with at least a half tank.
=== [int] bridge deck repair - Route 63 over the Chariton
The bridge deck on Route 63 over the Chariton River needs a partial-depth repair before winter. Contractor is mobilizing Monday. One lane closed with flaggers 7am-6pm. Deck pour scheduled for Wednesday if temps stay above 40.
=== [int] hit a deer on Route 5 - truck 2214
Truck 2214 hit a deer on Route 5 north of Versailles around 5:40 this morning. Driver is fine. Passenger side headlight and grille damaged, truck is drivable. I filled out the vehicle accident report and the pictures are attached. Who do I send the repair estimate to?
=== [int] RE: Quote for cold patch
Got the quote from the vendor: cold mix asphalt at $142 a ton delivered, minimum 10 tons. That's about $8 higher than last year. I'll put in the requisition if you approve. Need it before the freeze-thaw starts.
=== [in] Invitation to bid - guardrail replacement
Bid opening for Job J5P3341, guardrail replacement on US 65 in Greene and Christian counties, will be held at 1:30pm on the 18th. Bid proposals must be submitted through the electronic bidding system. Plan holders list attached. Questions must be submitted in writing by the 11th.
=== [int] IT Security Alert - phishing email going around
The IT Help Desk has received reports of a phishing email with the subject "Payroll Update Required" asking employees to log in to a fake portal. Do NOT click the link. If you entered your credentials, change your password immediately and call the Help Desk. Legitimate payroll notices will never ask for your password.
=== [int] Virus warning - do not open .zip invoices
IT Security: we are seeing a wave of emails with zip attachments named "Invoice_2026.zip" that contain malware. Our filters are catching most of them. If one gets through, delete it and report it using the Report Phish button. Do not forward it to coworkers.
=== [int] Sunshine request - crash records Route 19
We received a Sunshine Law request for crash reports on Route 19 between Cuba and Steelville for 2023-2025. Please send any records your office has to the records custodian by Friday. Don't include personal information of injured parties, we'll redact per the statute.
=== [int] Training - protecting personal data
Reminder for the privacy training: Social Security numbers should only ever appear masked, for example XXX-XX-1234. Never email a full SSN. If you receive a document with a full SSN, notify your supervisor and delete it from your inbox.
=== [int] RE: harassment complaint - investigation schedule
HR has scheduled interviews for the harassment complaint filed last week. Please keep this confidential. The complainant alleges repeated unwanted comments about appearance. The interviews are Tuesday and Wednesday. Witnesses will be contacted individually.
=== [int] Crash report - injury crash US 54
Injury crash on US 54 at Route D around 4:15 pm. Two vehicles, one driver transported to Lake Regional with non-life-threatening injuries. Crew 3 set up traffic control until the wrecker cleared the scene at 6:05. Guardrail damage about 50 ft.
=== [in] RE: contractor dispute - pay item 403
We disagree with the final quantities for pay item 403 (asphaltic concrete). Our tickets show 2,214 tons placed. The resident engineer's measurement shows 2,088. We request a meeting to review the weigh tickets before the final estimate. Please advise.
=== [in] AASHTO Journal - weekly transportation news
This week: FHWA releases updated bridge inspection guidance, states respond to winter funding shortfall, and a new pavement preservation study. Read the AASHTO Journal online. You are receiving this as a member of the AASHTO subcommittee on maintenance.
=== [int] this damn printer
This damn printer on the 2nd floor jammed again and ate my bid tabulation. Can somebody from IT come look at it? I need to print 40 copies for the 1:30 bid opening.
=== [int] RE: script for the snow report
The script is crap, honestly. It pulls the wrong date column so the snow report shows yesterday's numbers. I'll fix it tonight. Until then, check the totals by hand.
=== [int] FW: complaint from the public
See below, this came in through the customer service line. I'm forwarding it for the record. The caller used some language I won't repeat in my reply. We need to respond about the pothole on Route B.
-----Original Message-----
From: a resident
"Your idiot crews left a damn hole on Route B that blew out my tire. Fix the stupid road."
=== [int] Pool of equipment operators for winter
We're building a pool of equipment operators who can be called out for snow removal in other districts. If you're interested in being on the list, tell your supervisor by Nov 1. Overtime and travel apply.
=== [int] Safety bulletin - work zone
SAFETY BULLETIN: Two work zone intrusions this month in the Southwest District. Always park the shadow vehicle with a 100 ft buffer. Never turn your back to traffic. Wear your Class 3 vest. Your family is waiting for you at home.
=== [int] United Way campaign - agency run
The annual State Employee Charitable Campaign kicks off Monday. This is the official state campaign and you can give through payroll deduction. Your coordinator is Karen in Human Resources. Participation is voluntary.
=== [int] Bid tabulation - sign replacement
Bid tabulation for the sign replacement project: Low bidder was Midwest Sign Co at $412,380. Second was Ozark Traffic at $429,900. Engineer's estimate was $398,000. Recommend award to the low bidder.
=== [int] Surplus property - used laptops
The district has 40 used laptops going to state surplus. They have been wiped by IT. Surplus will list them for sale to the public in the next auction. Please do not take any home.
=== [int] RE: Fire ant bait quote
The vendor's quote for fire ant bait is $38/bag, 50 bags minimum. This is for the rest area maintenance contract. I'll attach it to the purchase request.
=== [int] Baby shower for Melissa - office
We're having a baby shower for Melissa in the break room next Wednesday at noon. Cake and punch. There's a card going around if you want to sign it. It's a girl!
=== [int] Winning bid - scrap metal
The winning bid for the scrap metal from the old bridge on Route 24 was $18,450 from Northeast Recycling. They'll pick it up next week. The proceeds go back to the state road fund.
=== [int] March Madness - network use reminder
IT reminder: streaming the basketball tournament on state computers uses a lot of bandwidth and impacts field operations. Please don't stream video at work. Thanks for your cooperation.
=== [int] Reminder - betting pools and state e-mail
HR reminder: Policy 2503 prohibits gambling and betting pools on state equipment and e-mail, including bracket pools and sports squares. If you see one circulating, please let your supervisor know.
=== [int] Re: forwarding jokes - policy question
A few employees asked whether forwarding jokes is allowed. Per the acceptable use policy, chain letters and jokes are not permitted on state email. Please remind your crews at the next tailgate meeting.
=== [int] Snow plow routes updated
Attached are the updated snow plow routes for the Kirksville area. Route 6 and Route 11 are now priority 1. Route H was added to crew 2. Please review and let me know by Friday if anything is off.
=== [int] Brine ratio for next storm
For the next storm we'll mix brine at 23.3% salt. Pre-treat the bridges and overpasses first. Tank trucks 3 and 5 will cover US 63. Crews should be on at 3am.
=== [int] RE: Lottery ticket terminal near the site
The contractor asked about the gas station by the site with the lottery sign - that's the property we need the temporary easement from. The owner agreed to the traffic plan. Signed agreement attached.
=== [in] Vendor quote - LED message board
Per your request, here is our quote for 2 portable LED message boards: $18,900 each, including solar panels and trailers. Delivery 6-8 weeks. This quote is valid for 30 days.
=== [int] Retirement party - cash bar
Please join us for Bob's retirement party at the Elks Lodge in Hannibal Saturday at 6. Dinner is $20 a plate, RSVP to Linda. There'll be a cash bar.
=== [int] Bid opening results - salt contract
Bid opening results for rock salt: the low bid was $68.40 per ton from Midwest Salt. Compass was $72.10. We'll award after review.
=== [int] Deer hit report - Route 13
Crew picked up 4 deer carcasses on Route 13 between Osceola and Lowry City this week. We're asking for a deer crossing sign near mile 22. Pictures attached.
=== [int] Joke - harassment training (HR example)
In the harassment training, one of the examples was an email joke about women drivers. HR says even if it's "just a joke," it can create a hostile work environment. The training module is due by the 30th.
=== [int] Re: coworker complaint - confidential
I wanted to document that the employee told me a coworker called him a "stupid Mexican" on the radio. I told him to put it in writing. HR has been notified. Please don't discuss with the crew.
=== [int] Agency newsletter - District Dispatch
DISTRICT DISPATCH - November edition. Welcome our new employees. Safety award for crew 7. Winter operations ready. Employee of the month: Ron from the Sedalia shed. Upcoming: holiday potluck Dec 17.
=== [in] FHWA: Every Day Counts newsletter
Every Day Counts round 8 updates: e-ticketing, rural roadway safety, and pavement preservation. Register for the webinar on the 14th. You're receiving this because you subscribed to FHWA EDC updates.
=== [in] ITE Journal - December issue
The December issue of ITE Journal is online: signal timing on rural corridors, safe systems approach, and member news. Log in to read.
=== [int] Pothole patching - need the hot box
Can we borrow the hot box from the Fulton shed next week? Ours is down. We've got about 200 potholes on Route 54 and 63 to hit.
=== [int] Tickets for the Traffic Safety conference
The district has 6 registrations for the Traffic Safety Conference in Columbia. If you want to go, let your supervisor know. The department pays registration and mileage.
=== [int] Employee Appreciation picnic - door prizes
For the Employee Appreciation picnic, each employee gets one free door prize ticket. There is no cost. Prizes donated by the district. Drawing at 1pm.
=== [int] Chief Engineer's message - winter readiness
From the Chief Engineer: we're ready for winter. 1,800 trucks, 200,000 tons of salt. Thanks to every one of you for your hard work. Stay safe.
=== [in] RE: Sunshine request - emails mentioning "bet"
The requester is asking for all emails between two supervisors containing the word "bet" or "wager" for 2025. Legal counsel will review. Please run the search and send results to records.
=== [int] RE: complaint about crude language on radio
Supervisors: we've had complaints about crude language on the radio. The FCC monitors. Keep it professional. The complainant quoted "this f---ing plow" as an example.
=== [int] HR - open enrollment reminder
Open enrollment for the state health plan ends Oct 31. Review your plan options, dependent coverage and flexible spending elections in the portal. Changes outside open enrollment need a qualifying event.
=== [int] Pool car needed for training
Do we have a pool car available Thursday to drive to the training in Jeff City? My truck is in the shop. I'll need it 7am to 5pm.
=== [int] Salt dome inspection - pictures
Attached are the pictures from the salt dome inspection in Chillicothe. The roof shingles are curling on the south side. We need a quote for repair.
=== [int] Re: used tires from the fleet shop
The used tires from the fleet shop will go to the tire recycling contract. We can't sell them to employees. Please don't let anyone take them.
=== [in] RE: Quote - mower blades
Quote for 60 mower blades for the Alamo mowers: $24.50 each, freight included. Ships within 5 days of PO.
=== [int] Hard hat sticker contest
The safety committee is having a hard hat sticker design contest. No entry fee. Winner gets their design printed for the district. Submissions due Dec 1.
=== [int] Confidential - performance issue
I need to document that the employee used a slur toward a coworker on Tuesday ("you stupid retard") in front of the crew. I've started progressive discipline. Please advise on next steps.
=== [int] Cost estimate - culvert replacement Route K
Cost estimate for the culvert replacement on Route K: pipe $12,400, rock $3,200, labor $8,600, traffic control $2,000. Total $26,200.
=== [int] FW: Travel deal - state rate hotel
Here's the state-rate hotel for the Springfield conference, $98/night. Book by the 10th to get the rate. Use the group code.
=== [in] Conference registration confirmation
Thank you for registering for the Missouri Transportation & Infrastructure Conference. Your confirmation number is MTC-4471. Registration fee: $250. Location: Springfield Expo Center.
=== [int] Re: small equipment funds left this FY
We have a pool of funds for small equipment purchases left this fiscal year, about $40k. Please send me your lists by Friday.
=== [int] Chain of custody - evidence from crash
Chain of custody form for the guardrail section removed from the fatal crash on Route 65. The Highway Patrol needs it signed before they pick it up.
=== [int] Trench safety - please forward to your crews
Please forward this to your crews: trench safety. Any trench over 5 feet needs protection. Do not enter unprotected trenches. Call the safety office for questions.
=== [int] Prayer at the memorial - employee passing
We were saddened to learn of the passing of Jim, a 20-year employee at the Lebanon shed. The family has asked for prayers. Visitation is Thursday at 5pm. Flowers from the district are being sent.
=== [int] Auction results - state surplus
Results from last week's state surplus auction: 12 pickups sold, average $6,400. 3 tractors, 8 mowers. Total proceeds $142,000.
=== [int] tonight's snow - models split
The models are split on tonight. GFS says 2-4, the NAM says 6-8. I'd bet on the lower end, but let's have crews on standby. Pre-treat anyway.
=== [int] Re: Tickets issued in work zone
The Highway Patrol issued 24 tickets in the Route 50 work zone last week during the enforcement. Speeds are down. Good work everybody.
=== [int] crosswalk marking layout
For the crosswalk, we'll lay out squares at 2 ft by 2 ft for the continental markings. The template is in the sign shop.
=== [int] Bracket repair - sign truss
The bracket on the overhead sign truss at I-44 mile 100 is cracked. We need a bucket truck and a lane closure. Scheduling for Tuesday night.
=== [int] Winner - safety award
Congratulations to Crew 5, winner of the district safety award for 500 days without a lost-time injury. Lunch is on the district Friday.
=== [int] RE: Offensive graffiti on overpass
Someone spray painted offensive graffiti on the Route 30 overpass, including a racial slur. Crew is removing it today. I reported it to the sheriff.
=== [int] Re: radio complaint - investigation
Employee relations is investigating a report that sexual jokes were told over the district radio. Supervisors must attend the refresher training. Please don't forward the complaint details.
=== [int] RE: can we sell cookies in the office?
Someone asked if employees can sell Girl Scout cookies in the office. Per policy, no solicitation on state email. You can post a sign on the personal bulletin board in the break room if your manager allows.
=== [int] RE: Ticket sales for the state fair
The department has an exhibit at the State Fair in Sedalia. Staff volunteers get a free pass. We're not selling tickets, they're provided by the fair board.
=== [in] Shipping notice - order 88412
Your order 88412 has shipped: 24 high-vis vests, 12 hard hats. Tracking number 1Z999AA10123456784. Expected delivery Thursday.
=== [in] Invoice 2026-0415 - traffic cones
Invoice 2026-0415: 400 traffic cones, 28 inch, $12.40 each, total $4,960. Payment due net 30. Thank you for your business.
=== [int] Impala transfer to the district
Not a sale, just a transfer - the 2018 Impala from the Central Office fleet is moving to the district. Please update the fleet records.
=== [int] Potluck menu - retirement lunch
For Linda's retirement lunch: brisket from the district, everyone bring a side. Desserts are covered. Sign up at the front desk. 11:30 Friday.
=== [int] RE: horse trailer in the right of way
There's an abandoned horse trailer in the right of way on Route AA. Sheriff says it's been reported. We'll tag it and tow after 48 hours.
=== [int] Re: Dead deer pickup - contract
The dead animal pickup contract is up for renewal. The current vendor charges $45 per carcass. We're getting new quotes.
=== [int] Winter storm - callouts
All crews on at 2am for the winter storm. Expect 6-10 inches. Chains on the trucks. Overtime is approved.
=== [int] ticket 44912 - password reset
IT Help Desk: your ticket 44912 has been resolved. Your password has been reset. Please log in and change it within 24 hours.
=== [in] LinkedIn: 5 people viewed your profile
You appeared in 12 searches this week. 5 people viewed your profile, including a recruiter at a civil engineering firm. See who's looking.
=== [in] Password reset request
We received a request to reset your password for the AASHTOWare account. If you did not request this, ignore this email. The link expires in 1 hour.
=== [int] Re: Offensive language complaint - response
I reviewed the complaint. The driver yelled "you stupid son of a bitch" at a motorist who ran the flagger. He's been counseled. Please close the case.
=== [in] Public comment - Route 60 project
I'm writing to comment on the Route 60 widening. I'm worried about access to my farm. Please add my name to the list for the public meeting. My tractor needs to cross the highway daily.
=== [int] RE: Sale of excess right of way
The excess right of way parcel on Route 19 will be offered for sale by sealed bid. Appraised value $22,000. Public notice runs in the local paper next week.
=== [int] Gift card rules - vendors
Reminder: employees may not accept gift cards or gifts from vendors. If a vendor sends a holiday gift, return it with a polite note. See the ethics policy.
=== [int] Re: chain saw training
Chain saw safety training is Tuesday at the Sedalia shed. Bring your chaps, helmet and gloves. Required before you run a saw on storm cleanup.
=== [int] RE: Pool table for the break room?
Someone asked if we could put a pool table in the break room. Unfortunately facilities said no. The space is needed for the training room.
=== [int] RE: bid protest - DBE participation
The contractor claims the bid process was "winner takes all" and unfair to DBE firms. Legal is reviewing the protest. Response due in 10 days.
=== [int] Crash - truck hit by motorist
One of our trucks was hit from behind by a motorist on I-55 near mile 90. The driver is being checked out at the hospital. The attenuator did its job. Highway Patrol on scene.
=== [int] Bomb threat procedure
Reminder: if you receive a bomb threat by phone, keep the caller on the line and fill out the threat checklist. Don't use radios near the suspicious item. Call 911 and security.
=== [int] Re: Sexual harassment training required
All supervisors must complete the sexual harassment prevention training by Dec 31. It covers quid pro quo, hostile work environment, and reporting. It's online in the LMS.
=== [int] Re: fantasy football leagues - HR answer
HR's answer: fantasy football leagues with money are gambling and not allowed on state email or time. Please let your crews know.
=== [int] Newsletter article - need photos
I'm putting together the district newsletter and need photos of the bridge rehab. Please send by Wednesday.
=== [int] Re: horse crossing sign
The Amish community asked for horse and buggy warning signs on Route C. Traffic reviewed and approved 4 signs.
=== [in] Bid results - paint striping
Bid results: paint striping for the Northeast district. Low bid $1.2 million from Stripe-Rite. Award pending.
=== [int] Pool of candidates for the foreman position
We have a pool of 8 candidates for the foreman position. Interviews next week. Panel: me, the area engineer, and HR.
=== [int] Re: shop dog got out again
The shop dog Lucky got out on the highway again. Please keep the gate closed. He's lucky he didn't get hit.
=== [int] Chariton river gauge at 18 ft
The river gauge at Chariton is at 18 ft. Odds are good it floods Route 5 by tomorrow. Have barricades ready.
=== [int] Offensive sign complaint - billboard
A citizen complained about an offensive billboard on US 36. Outdoor advertising is checking if it's permitted. It's private property, we may not have authority over content.
=== [int] Re: cash handling at the weigh station
Cash handling procedures at the weigh station: count the drawer twice, log the deposits. Never leave cash unattended.
=== [int] Re: Forward this to your team - Snow ops kickoff
Please forward this to your team. Snow ops kickoff meeting is Oct 28 at 8am. Attendance required for all operators.
=== [int] deer hide in 1188
Whoever left a deer hide in the back of truck 1188, please come get it. It's starting to smell. Not funny.
=== [int] RE: Cake for Shirley's birthday
I'll pick up the cake for Shirley's birthday from Hy-Vee. It's $32, we'll split it in the office if anybody wants to chip in. No pressure.
=== [int] FW: vendor newsletter - asphalt association
Forwarding the asphalt association newsletter because it has the new spec changes for Superpave. Page 3.
=== [es] [in] Licitación - mantenimiento de carreteras
Aviso de licitación: el Departamento de Transporte de Misuri invita a presentar propuestas para el mantenimiento de la carretera 71. La apertura de ofertas será el 15 de marzo. Documentos disponibles en línea.
=== [es] [int] Venta de equipo excedente del estado
Aviso: el estado vende equipo excedente en subasta pública: camionetas, tractores y máquinas. Las ofertas se reciben en el sitio web de propiedad excedente del estado.
=== [es] [out] Re: accidente con venado
Estimado señor, recibimos su reporte sobre el venado muerto en la carretera 13. Una cuadrilla lo recogerá hoy. Gracias por avisarnos.
=== [es] [int] Capacitación sobre acoso laboral
Recordatorio: todos los empleados deben completar la capacitación sobre acoso laboral antes del 30 de noviembre. Incluye ejemplos de comentarios ofensivos y cómo reportarlos.
=== [es] [int] Alerta de seguridad - correo falso
Alerta de la mesa de ayuda de TI: hay un correo falso que pide su contraseña. No haga clic en el enlace. Repórtelo con el botón de phishing.
=== [es] [out] Respuesta - solicitud de registros públicos
Hemos recibido su solicitud bajo la Ley Sunshine de Misuri. Le enviaremos los registros en un plazo de 10 días hábiles. Puede haber un costo por copias.
=== [es] [int] Rutas de quitanieves actualizadas
Adjunto las rutas actualizadas de las quitanieves para la temporada. La carretera 63 es prioridad 1. Favor de revisarlas con su cuadrilla.
=== [es] [int] Colecta para la jubilación de Rosa
Rosa se jubila el viernes después de 25 años. Estamos juntando dinero para un regalo. Cualquier cantidad ayuda. Pasen con Lupe en la recepción.
=== [es] [out] Re: queja por bache
Gracias por su reporte del bache en la carretera B. La cuadrilla lo reparará esta semana. Lamentamos las molestias a su vehículo.
=== [es] [int] Aviso de cadenas para camiones
Aviso: los camiones pesados deben usar cadenas en la I-70 entre las millas 115 y 130 por hielo. Actualicen los letreros electrónicos.
"""
