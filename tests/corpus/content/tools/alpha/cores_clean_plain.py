# Hand-written core texts, category clean - ordinary business mail (source alpha).
# Format: see cores_chain_letter.py
CORES = r"""
=== [int] truck 3310 down
3310 is down again, hydraulic leak at the plow pump. Taking it to the fleet shop in the morning. Can we use 3302 for route 2 tomorrow?
=== [int] running late
running about 20 min late, stuck behind a wreck on 63. start without me
=== [int] mowing schedule - week of June 9
Mowing schedule for next week: Mon-Tue Route 5 from Tipton to Versailles, Wed Route 52, Thu-Fri US 50 ditches. Tractor 4 still needs a new blade. Let me know if the rain changes things.
=== [in] pothole on Route Z
Hi, there's a big pothole on Route Z about a half mile past the church, right before the low water bridge. Almost lost a tire this morning. Could somebody take a look? Thanks, a resident in Dent County
=== [in] Re: ditch behind my property
Thank you for sending the crew out so fast. The ditch is draining much better now and the water isn't coming into my yard. Appreciate it.
=== [int] timesheet reminder
Timesheets are due by noon Friday because of the holiday. Please make sure your overtime from the storm is coded right (OT-SNOW).
=== [int] need cones at the Route 19 site
need about 30 more cones at the Route 19 culvert site, we're short. can somebody bring them from the shed
=== [int] RE: leave request
Approved. Enjoy your vacation. Make sure Dale knows he's covering your route.
=== [int] Meeting - winter ops planning
Winter operations planning meeting Tuesday 9am in the Macon conference room. We'll review routes, salt inventory, and the callout list. Bring your truck inspection sheets.
=== [in] tree down across the road
Tree down across Route DD near the Gasconade river bridge, blocking both lanes. Happened in the storm last night. I moved my truck around it but a car can't get by.
=== [int] RE: salt inventory
Salt inventory as of this morning: Chillicothe 1,240 tons, Trenton 860, Bethany 910. We should order more for Trenton before the next storm.
=== [int] fuel card not working
my fuel card got declined at the Casey's in Eldon again. had to use my own card. who do I call about it and how do I get reimbursed
=== [int] Re: Culvert on Route K - photos
Photos attached of the culvert on Route K. The end is crushed and it's washing out the shoulder. We'll need a bigger pipe, probably 36 inch.
=== [in] Re: speed limit question
Hello, I live on Route M and cars are going 70 through the curve by my house. Is there any way to get a lower speed limit or a curve warning sign? We have kids waiting for the bus there.
=== [out] Re: speed limit question
Thank you for your email. I've forwarded your request to our traffic engineering section, who will do a speed study on Route M near your home. They'll contact you in about 30 days with the results.
=== [int] Quick question about the CDL renewal
Does the department pay for the CDL renewal or do I? Mine expires in March. Also need the medical card renewed.
=== [int] Re: sick today
Got it, feel better. I'll put it in the system. Let me know if you need tomorrow too.
=== [int] striping crew schedule
Striping crew will be on US 36 from Macon to Brookfield Monday and Tuesday, weather permitting. Please let the crews know there'll be a moving operation.
=== [in] Delivery receipt - PO 55120
Delivery receipt for PO 55120: 12 pallets of sign blanks received at the Jefferson City sign shop. Signed by R. Lawson.
=== [int] asphalt plant closes Nov 20
FYI the asphalt plant in Moberly closes for the season Nov 20. Any hot mix patching needs to be done before then, after that it's cold mix.
=== [int] RE: new hire orientation
New hire orientation is Monday 8am at the district office. Please send Jake with his driver's license and the I-9 documents. He'll need boots and gloves.
=== [in] rock on the road
there's a bunch of gravel on Route 17 by the quarry entrance, trucks are dropping it. it's dangerous on the curve for motorcycles
=== [int] out of office
Out of office Thursday and Friday for training in Columbia. Call my cell if anything urgent.
=== [int] Re: flagger certification
Your flagger certification expires next month. Refresher class is on the 15th at the Lebanon shed, 8am-noon.
=== [int] Weekly report - Area 3
Weekly report for Area 3: patched 140 potholes, mowed 38 miles, replaced 12 signs, cleaned 6 culverts. One minor equipment damage (mirror on truck 2210).
=== [int] sign down at Route 7 & 13
stop sign is down at Route 7 and 13, looks like somebody hit it. putting a temp sign up now
=== [in] Road closure question
Is Route 87 still closed at the bridge? I have to get cattle to the sale barn in Boonville Saturday and need to know which way to go.
=== [out] Re: Road closure question
Yes, Route 87 is still closed at the Moniteau Creek bridge until Nov 15. The detour is Route 5 to Route 98. Sorry for the inconvenience.
=== [int] Re: equipment rental
We'll need to rent a track hoe for the slide repair on Route 100. Can you get 3 quotes? Probably 2 weeks.
=== [int] Staff meeting moved
Staff meeting moved to 10am tomorrow because of the district call. Same room.
=== [int] Re: truck inspection
Truck 1421 passed inspection. 1422 needs new brake pads, scheduled Thursday.
=== [in] Thank you crew
I just wanted to say thank you to the crew that plowed Route 6 last night. My husband is a nurse and made it to the hospital safe because of you guys. God bless.
=== [int] FW: thank you crew
Forwarding this nice note from a lady in Grundy County. Great job to Crew 2!
=== [int] Re: budget FY27
Please send your FY27 budget requests by Dec 15. Include equipment replacement priorities with justification.
=== [in] Utility permit application
Attached is our utility permit application for boring under Route 65 for a fiber line. Traffic control plan included. Please let us know if you need anything else.
=== [int] RE: utility permit - Route 65
Reviewed the permit. They need to bore at least 10 ft outside the pavement edge. Send back for revision.
=== [int] Re: radio check
Radio check on the new repeater at Sheldon went fine, clear from Nevada to Lamar.
=== [int] Re: Mileage reimbursement
Your mileage reimbursement for the conference was approved. $188.40. It'll be on your next check.
=== [int] new cell phone
my state cell phone screen is cracked, can I get a replacement? it still works but can't read texts
=== [int] Re: new cell phone
Bring it by the IT office and we'll swap it. Make sure your contacts are backed up.
=== [int] Bridge inspection report - Route J
Bridge inspection report for Route J over Dry Fork Creek is attached. Deck rating 5, superstructure 6. Recommend deck sealing next season.
=== [in] Re: Mailbox hit by the plow
The snowplow knocked over my mailbox on Route E last night. Who do I contact to get it fixed?
=== [out] Re: Mailbox hit by the plow
I'm sorry about your mailbox. Please fill out the attached claim form and we'll review it. If it was properly installed, we'll replace it with a standard post.
=== [int] Re: safety glasses
We're out of safety glasses at the Kennett shed. Can someone order a box?
=== [int] FMLA paperwork
Your FMLA paperwork has been received. Please have your doctor fill out the certification by the 20th.
=== [int] Re: Projector in conference room
The projector in conference room A isn't working again. Can IT look at it before the 2pm meeting?
=== [in] Invoice - port-a-potty rental
Invoice for portable toilet rental at the Route 50 work site, October: 2 units, $190 each. Total $380.
=== [int] tire blew on 2319
2319 blew a tire on I-44 near Rolla. waiting on the tire truck. should be back in 2 hrs
=== [int] RE: tire blew on 2319
Ok, call when you're rolling. Watch out on the shoulder.
=== [int] welding the plow frame
I can weld the plow frame on 3318 Thursday if we get the steel in. Need 3/8 plate.
=== [int] Re: Employee Assistance Program
Reminder that the Employee Assistance Program is free and confidential for you and your family. Counseling, legal and financial advice. Call the number on the attached flyer.
=== [in] Re: Bike route question
Hello, our cycling group wants to ride on Route 19 next month. Are there any construction areas we should avoid?
=== [out] Re: Bike route question
Thanks for checking. There's a lane closure on Route 19 at the Meramec bridge through the end of the month. I'd avoid that section.
=== [int] Re: hydraulic fluid order
Ordered 10 buckets of hydraulic fluid, should be here Tuesday. Charged to the shop cost center.
=== [int] Re: brush cutting Route AA
We'll start brush cutting on Route AA next week with the boom mower. Residents along there have been complaining about visibility.
=== [int] Re: landowner called
Landowner on Route PP called about the fence we knocked down while mowing. I told him we'd fix it this week. Can Crew 4 go out Thursday?
=== [int] Monthly safety meeting - agenda
Monthly safety meeting agenda: 1. Cold weather injuries 2. Backing accidents 3. Near misses 4. Questions. Thursday at 7am.
=== [in] Access permit - new driveway
I need a permit for a new driveway off Route 3 for my farm. How do I apply?
=== [out] Re: Access permit - new driveway
You can apply online through the permits page, or pick up a form at the district office. There's no fee for a field entrance. I've attached the form.
=== [int] Re: training for new operators
New operator training for the snowplows is Oct 20-22. We'll do classroom the first day and driving the next two.
=== [int] Re: fence contract
The fence contractor will start on US 61 the week of the 10th. They'll replace 2 miles of right of way fence.
=== [int] Re: traffic counts
The traffic counters are out on Route 7. We'll pull them next Friday.
=== [int] Re: generator at the shed
The generator at the Cuba shed didn't start during the outage. It needs a battery and maybe a fuel filter.
=== [int] RE: weather briefing
NWS weather briefing at 2pm today for the incoming ice storm. Join the call if you can.
=== [in] Re: noise from construction
The construction crew on Route 13 is starting at 5am and the noise wakes my kids. Can they start later?
=== [out] Re: noise from construction
Thank you for letting us know. I've talked to the contractor and they will not start the heavy equipment before 7am.
=== [int] Re: water in basement at the shed
There's water in the basement at the Bethany shed again. Sump pump quit. Can facilities send someone?
=== [int] Re: lunch meeting
Lunch will be provided at the meeting Thursday. Please let me know any dietary restrictions.
=== [int] tree trimming
Ameren is trimming trees along Route 50 next week, they have a permit. FYI if you see them.
=== [int] Re: timesheet error
I think my timesheet shows 8 hours on the 12th but I worked 11 during the callout. Can you fix it?
=== [int] vacation calendar
Please put your vacation on the calendar for December so we can plan coverage for snow.
=== [in] Re: job opening - maintenance worker
Hello, I'm interested in the maintenance worker job in Lebanon. Do I need a CDL to apply, or can I get it after?
=== [out] Re: job opening - maintenance worker
Thanks for your interest. You'll need a class B CDL permit at the time of hire and the full CDL within 6 months. Apply online.
=== [int] Re: computer slow
My computer is super slow since the update. Can IT look at it?
=== [int] Re: sign shop order
Sign shop has the 6 speed limit signs ready for Route 5. Pick up tomorrow.
=== [in] RE: Contract amendment
Attached is the amendment for the engineering services contract. Please review and sign by Friday.
=== [int] Calendar invite: Bridge rehab kickoff
Meeting invitation: Bridge rehab kickoff. Tuesday 10:00-11:00, Room 204 and Teams. Agenda: schedule, traffic control, utilities.
=== [int] Re: Material testing
The lab tested the concrete cylinders from the Route 65 pour: 4,200 psi at 7 days. Good to go.
=== [int] stuck in the ditch
truck 1822 slid in the ditch on Route O, no damage, need the wrecker. I'm ok
=== [int] Re: Route O wrecker
Wrecker is on the way, 20 minutes. Stay in the truck with your lights on.
=== [in] Dust control request
The gravel road next to our farm isn't state but trucks from your job use it. The dust is terrible. Can you water it?
=== [int] Re: office supplies
I'm putting in an office supply order Friday. Let me know if you need anything.
=== [int] Re: sweeper
The sweeper is available next week if you want it for the chip seal cleanup on Route 13.
=== [int] Chip seal - start date
Chip seal on Route 32 starts Monday. Motorists should expect loose rock. Put out the loose gravel signs.
=== [in] Praise for the rest area
The rest area on I-55 near Marston was the cleanest I've seen. Thank you to the staff.
=== [int] RE: rest area janitorial contract
The janitorial contract for the rest areas renews in March. The vendor's doing good work.
=== [int] Re: keys
Who has the keys to the salt dome at Trenton? Need to get in this morning.
=== [int] Re: keys
They're in the lockbox, code is the same as last year. Call me if it doesn't work.
=== [int] Re: training records
Please send your training records for the audit. Flagger, CDL, first aid.
=== [in] Re: Land survey
We're doing a survey for a property line next to Route 19. Can you send us the right of way plans?
=== [out] Re: Land survey
The right of way plans for that section are attached. Let me know if you need the older set from the 1960s.
=== [int] Re: guardrail repair
Guardrail repair on US 60 at mile 44 is complete. 3 posts and 50 feet of rail.
=== [int] Re: hiring update
We made an offer to the candidate for the Kennett maintenance worker position. Start date Jan 5.
=== [int] Re: fuel tank inspection
Fuel tank inspection at the Hermann shed passed. Next one is in 12 months.
=== [int] Re: snow forecast
NWS says 4-6 inches tonight. All crews on at 10pm.
=== [in] RE: Thanks for the signs
Thanks for putting up the "Watch for Children" signs on Route E. Everybody here appreciates it.
=== [int] Re: microsoft teams meeting
Join the Teams meeting at 2pm for the district budget update. Link in the calendar invite.
=== [int] Re: printer toner
The printer is out of toner. I put in an order, should be here tomorrow.
=== [int] Re: expense report
Your expense report for the conference is missing the hotel receipt. Please attach and resubmit.
=== [int] Re: CDL physical
Your CDL physical is scheduled for Tuesday at the clinic in Rolla at 8am.
=== [in] Question about a ditch
Water is backing up into my field from the ditch along Route 112. Is that the state's ditch or the county's?
=== [out] Re: Question about a ditch
That ditch is within state right of way. We'll send a crew to clean it out in the next two weeks.
=== [int] Shed cleanup Friday
Shop cleanup Friday afternoon. Everybody pitch in, we've got the district inspection Monday.
=== [int] Re: overtime rotation
Here's the overtime rotation for December. If you need to swap, work it out and let me know.
=== [in] Re: Concrete price quote
Ready mix concrete, 4000 psi, $165 per yard delivered to the Route 24 site. Minimum 5 yards.
=== [int] Re: trailer hitch
The trailer hitch on truck 2201 is bent. Needs to be replaced before we haul the skid steer.
=== [int] Re: survey crew
Survey crew will be on Route 5 Monday staking the new alignment.
=== [int] Re: New policy on cell phones
New policy: no handheld cell phone use while driving state vehicles. Hands free only. Effective Jan 1.
=== [in] Detour signs
The detour signs on Route 24 are confusing. I ended up in Keytesville. Could you add another arrow at the Route 5 junction?
=== [out] Re: Detour signs
Thank you for the feedback. We added an extra arrow board at the Route 5 junction this morning.
=== [int] Re: first aid kits
All the first aid kits in the trucks need to be restocked. I'll order supplies.
=== [int] Re: Christmas schedule
The office will close at noon on Dec 24. Crews on standby per the winter schedule.
=== [int] RE: oil change on 1410
1410 is due for an oil change, 5,200 miles since the last one. Bring it in Monday.
=== [in] Re: school bus stop
There's no place for the school bus to pull off on Route Y. Can the shoulder be widened?
=== [int] Re: school bus stop Route Y
We'll look at adding a gravel pull-off for the bus stop on Route Y. I'll ask the school district about the location.
=== [int] Re: annual evaluation
Your annual evaluation is scheduled for Thursday at 1pm. Please bring your self-assessment.
=== [int] Re: new employee
Welcome our new office assistant Jen, starting Monday at the district office. Please make her feel welcome.
=== [in] Re: road damage from logging
Logging trucks are tearing up the shoulder on Route H. Who can I complain to?
=== [out] Re: road damage from logging
Thank you for letting us know. We'll inspect the shoulder and contact the logging company about their permits.
=== [int] Re: culvert list
Here's the list of culverts that need to be cleaned before spring. 22 total.
=== [int] Re: sand and gravel
We need 200 tons of 1 inch clean rock for the shoulder work on Route 13. Can you set up the delivery?
=== [int] Re: snow totals
Snow totals from last night: Kirksville 7 inches, Macon 5, Moberly 4.
=== [int] Re: safety vests
New safety vests came in, pick yours up at the front desk.
=== [int] Re: Heater in truck 1520
The heater in 1520 isn't working. Can the shop look at it before the next storm?
=== [int] Re: employee recognition
Please send nominations for employee recognition by the end of the month.
=== [in] Re: invoice payment
Our invoice 4415 for the guardrail materials is 60 days past due. Can you check on payment?
=== [out] Re: invoice payment
I checked with accounts payable. Your invoice was approved and payment will be issued this week.
=== [es] [in] Bache en la carretera
Buenos días, hay un bache muy grande en la carretera 65 cerca de Buffalo. Ya se poncharon dos llantas. ¿Lo pueden arreglar?
=== [es] [out] Re: Bache en la carretera
Gracias por su reporte. Enviaremos una cuadrilla a reparar el bache esta semana. Si dañó su vehículo, puede presentar un reclamo en línea.
=== [es] [in] Pregunta sobre permiso
Hola, quiero poner una entrada nueva a mi propiedad en la carretera 71. ¿Necesito un permiso? ¿Cuánto cuesta?
=== [es] [out] Re: Pregunta sobre permiso
Sí, necesita un permiso de acceso. No tiene costo para entradas de granja. Le adjunto el formulario.
=== [es] [int] Horario de trabajo
El horario de trabajo para la próxima semana está en el pizarrón. Lunes a jueves 6am a 4:30pm.
=== [es] [int] Camión descompuesto
El camión 2210 está descompuesto, no prende. Lo llevamos al taller mañana.
=== [es] [in] Cierre de carretera
¿La carretera 5 sigue cerrada en el puente? Tengo que llevar a mis hijos a la escuela.
=== [es] [out] Re: Cierre de carretera
Sí, sigue cerrada hasta el 20 de noviembre. El desvío es por la carretera 98.
=== [es] [int] Reunión de seguridad
Reunión de seguridad el jueves a las 7am. Tema: trabajo en clima frío.
=== [es] [in] Agradecimiento
Quiero agradecer a los trabajadores que limpiaron la nieve en la carretera 13. Gracias a ustedes pude llegar al trabajo.
=== [es] [int] Capacitación de banderero
La capacitación de banderero será el 15 en el taller de Lebanon. Traigan su chaleco.
=== [es] [in] Señal caída
Hay una señal de alto caída en la carretera 7 con la 13. Es peligroso.
=== [es] [int] Solicitud de vacaciones
Quiero pedir vacaciones la semana del 20 de diciembre. ¿Hay alguien que me cubra?
=== [es] [in] Re: Empleo
Buenas tardes, ¿el puesto de trabajador de mantenimiento requiere licencia CDL?
=== [es] [out] Re: Empleo
Sí, se requiere un permiso de CDL clase B al momento de la contratación. Puede aplicar en línea.
=== [es] [int] Inventario de sal
Inventario de sal al día de hoy: Sedalia 900 toneladas, Marshall 650. Hay que pedir más.
=== [es] [in] Queja por ruido
La construcción en la carretera 13 empieza a las 5am y no podemos dormir. ¿Pueden empezar más tarde?
=== [es] [out] Re: Queja por ruido
Gracias por avisarnos. Hablamos con el contratista y no empezará antes de las 7am.
=== [int] Minutes - Northeast District maintenance superintendents meeting
Minutes - maintenance superintendents meeting, Macon, 9:00 am

Attendees: area supervisors from Hannibal, Kirksville, Macon, Moberly, Mexico, Bowling Green; district maintenance engineer; fleet; safety.

1. Winter readiness. All sheds report plows mounted and calibrated by Nov 1 except Bowling Green (2 spreader controllers back-ordered, ETA Nov 8). Salt domes are at 94% of capacity district wide. Brine plant at Macon is running, Kirksville's pump was rebuilt last week.

2. Staffing. We are down 14 operators district wide. Hiring event in Kirksville on the 12th. Each area should plan for 12-on/12-off during a major event and identify which routes drop to secondary coverage if we are short. Temporary operators from the pool list will be assigned by the district office.

3. Fleet. 6 new tandems delivered, 2 more in December. Old 2008 units go to surplus after the new ones are in service. Please get your pre-trip sheets turned in daily; fleet is seeing missed grease points again.

4. Safety. Two backing incidents in October, both without a spotter. Reminder that a spotter is required when backing at the shed. Work zone intrusion on Route 24 - no injuries, the attenuator truck took the hit.

5. Budget. Overtime is at 38% of the annual allotment after one month of fall operations, mostly due to the flooding callouts. Please review before approving non-emergency overtime.

Next meeting: first Tuesday of December, Hannibal.
=== [in] RE: Route 61 drainage - continued
I appreciate the crew coming out last week, but I want to lay out the whole history so whoever picks this up understands. In 2023 your contractor replaced the culvert under Route 61 in front of my place and raised the road about eight inches. Since then every heavy rain puts water across my lower pasture and into the barn lot. I called the district office three times in 2024 and each time someone came out, looked, and said they'd get back to me.

This spring the water took out about 300 feet of my fence and I lost two calves in the creek. I am not looking for a fight, I am looking for the ditch on the west side to be re-graded so the water goes where it used to go. I have pictures from before and after the project, and a neighbor who has lived here 40 years who will tell you the same thing.

Please let me know who the right person is and if there is a claim process for the fence. I can meet anytime after 4 or on Saturdays.
=== [int] Performance evaluation process - changes for this cycle
Supervisors,

A few changes to the annual evaluation process this cycle:

- Evaluations are now completed entirely in the online system. Paper forms will not be accepted after Jan 1.
- Each employee must have at least one documented check-in conversation before the final evaluation. A short note in the system is enough ("discussed snow season goals 10/14").
- The "needs improvement" rating requires a performance improvement plan attached at the time the evaluation is submitted. HR will return evaluations missing the plan.
- Employees have 10 business days to add comments after the evaluation is shared with them.

Training sessions on the new system are Tuesday and Thursday next week, 1:30-2:30, on Teams. If your crews don't have regular computer access, work with your office staff to schedule time at the shed PC.

Let me know if you have questions.
=== [int] RE: RE: RE: Job J3S2210 change order - additional rock
Following up on the thread below. I walked the site with the contractor's superintendent yesterday. The additional rock on the subgrade between station 112+00 and 131+50 was necessary; the soils report showed the fat clay but the plan quantity assumed it ended at 118+00. I agree with 1,850 tons of additional Type 5 base at the contract unit price of $31.50. I do not agree with the additional 6 days of time, since the contractor was working the other side of the project during the rain days and was not delayed on the critical path.

I'll draft the change order for the quantity only and send it to the area engineer for signature. If the contractor still wants time, they can submit a request with a schedule analysis per Section 105 of the spec book.
=== [int] Snow event after-action review - January 9-11
After-action review, winter storm Jan 9-11:

What went well: pre-treatment of bridges and overpasses was completed 6 hours ahead of the first snowfall. Crews rotated on 12 hour shifts with no fatigue-related incidents. Interstates were back to continuous wet/slush pavement within 4 hours after the snow stopped.

What didn't: three trucks lost spreader controllers on the first night (same model, fleet is looking at a recall). The callout list for the Salem shed had two disconnected phone numbers. Secondary routes in Dent and Texas counties took up to 30 hours to reach partly covered status, mostly because of drifting on Route 32 and Route 17.

Action items: update callout lists by Feb 1 (all sheds); fleet to replace controllers; review secondary route assignments with the area engineers before the next event. Total salt used: 11,400 tons. Overtime hours: 6,950.
"""
