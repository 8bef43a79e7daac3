# Hand-written cores, clean hard negatives: business newsletters/digests from transportation
# trade groups and vendors, with bulk headers. Source delta.
CORES = r"""
=== [bulk] AASHTO Journal - Weekly Transportation Report
From-Name: AASHTO Journal
AASHTO JOURNAL - THIS WEEK
- States prepare for reauthorization: committee hearing recap and what it means for formula funds.
- FHWA issues updated guidance on Buy America waivers for manufactured products.
- Member spotlight: how one DOT cut work zone crashes 18% with queue warning trucks.
- Webinar Thursday: Asset management plans and the new performance targets.
Read the full issue on the AASHTO website.
=== [bulk] ITE Midwestern District - Fall Conference Registration Open
From-Name: ITE Missouri Valley Section
ITE MISSOURI VALLEY SECTION NEWS
Registration is open for the fall technical conference in Columbia, October 14-16. Sessions on signal timing, roundabout design, and safe system approach. 10.5 PDH available.
Early bird rate $275 ends September 1. Student chapter rate $50.
Call for papers: abstracts due August 3.
=== [bulk] FHWA Every Day Counts - EDC-8 Innovation Update
From-Name: FHWA Center for Accelerating Innovation
EDC NEWS
This issue: Nighttime visibility for safety, integrating GHG assessment into planning, and pavement preservation for when, where and how.
State spotlight: tribal, local and state partners deploy e-ticketing for materials.
Upcoming: peer exchange on digital as-builts, register by the 20th.
=== [bulk] American Road & Transportation Builders - Washington Newsline
From-Name: ARTBA Washington Newsline
WASHINGTON NEWSLINE
House appropriations marks up the transportation bill; highway obligation limitation holds steady.
Work zone awareness: ARTBA releases new flagger training modules.
Market outlook: highway and street construction put in place up 6% year over year.
=== [bulk] Missouri Asphalt Pavement Association - Quarterly Newsletter
From-Name: Missouri Asphalt Pavement Association
MAPA QUARTERLY
Annual awards: congratulations to this year's smoothness award winners on Route 63 and I-44.
Technical corner: balanced mix design specifications, what changed in the 2026 spec book.
Mark your calendar: paving workshop in Jefferson City, February 11.
=== [bulk] 3M Transportation Safety - New retroreflective sheeting webinar
From-Name: Traffic Safety Solutions
NEW PRODUCT BRIEFING
Join our 45-minute webinar on diamond grade sheeting for work zone devices and the MUTCD minimum retroreflectivity requirements.
Free sample kit for agency sign shops. Product data sheets and approved products list links inside.
=== [bulk] Caterpillar dealer - Fleet service bulletin and parts specials
From-Name: Heartland Cat Equipment
FLEET SERVICE BULLETIN - GOVERNMENT ACCOUNTS
Motor grader cutting edges and end bits: state contract pricing applies, see contract number on your account.
Winter prep checklist for loaders and graders. Service campaign notice for select 140 models, hydraulic line clamp inspection.
Contact your government account rep for scheduling.
=== [bulk] Transportation Research Board - TRB Weekly
From-Name: TRB Weekly
TRB WEEKLY
New NCHRP report: guide for deer-vehicle collision countermeasures.
Annual meeting call for presentations now open.
Webinar: Bridge deck preservation strategies and chloride testing.
Research in Progress database updated with 300 new projects.
=== [bulk] NTPEP - Product Evaluation Results Available
From-Name: NTPEP Program Office
NTPEP NOTIFICATION
New test results are available for pavement marking materials (2025 deck, Minnesota test site) and temporary traffic control devices.
Member states can log into DataMine to view reports. Next technical committee call is the 3rd Tuesday.
=== [bulk] Work Zone Safety Consortium - Monthly Digest
From-Name: National Work Zone Safety Information Clearinghouse
WORK ZONE DIGEST
Featured: results from the smart work zone pilot using connected queue warning.
Law enforcement in work zones: sample MOU templates.
National Work Zone Awareness Week theme announced. Go Orange Day toolkit available.
=== [bulk] Brine & Deicing Supply - Winter season product newsletter
From-Name: Midwest Deicing Supply
WINTER OPERATIONS NEWSLETTER
Salt stockpile reminder: fill orders on state contract must be placed by October 1 for guaranteed delivery.
New: beet juice blend pre-wet additive, lab results vs straight brine at 15F.
Brine maker maintenance tips before the first storm.
=== [bulk] Bentley Systems - OpenRoads Designer update release notes
From-Name: Bentley Infrastructure Software
RELEASE NOTES - OPENROADS DESIGNER 2025 UPDATE
Corridor modeling performance improvements, new superelevation rules, civil cell fixes.
Known issues and workarounds. Agency license holders can download from the software portal.
Training: virtual class for DOT designers, seats limited.
=== [bulk] Esri Transportation - GIS for DOTs newsletter
From-Name: Esri Transportation
GIS FOR TRANSPORTATION - QUARTERLY
Linear referencing: how DOTs use Roads and Highways for the HPMS submittal.
Crash analysis dashboards: a template for safety engineers.
User conference registration: the transportation track schedule is posted.
=== [bulk] Missouri Public Transit Association - Member update
From-Name: Missouri Public Transit Association
MPTA MEMBER UPDATE
Section 5311 rural transit grants: application workshop on March 4.
Drug and alcohol compliance training for transit supervisors.
Legislative day at the Capitol - sign up to meet your representative.
=== [bulk] Commercial Vehicle Safety Alliance - CVSA Bulletin
From-Name: CVSA Bulletin
CVSA BULLETIN
International Roadcheck dates announced, focus on cargo securement.
Out-of-service criteria updates take effect April 1.
Brake Safety Week results: 13% of inspected vehicles placed out of service.
=== [bulk] Precast Concrete Institute - Bridge Design Digest
From-Name: PCI Bridge Digest
BRIDGE DESIGN DIGEST
Spliced girder case study: a 300-foot span over the Gasconade River.
Updated design manual chapter on camber prediction.
Plant certification audits now scheduled for Q3. Free PDH webinar on prestress losses.
=== [bulk] Traffic signal vendor - firmware advisory and training
From-Name: Signal Control Technologies
FIRMWARE ADVISORY
Controller firmware 4.3.2 resolves a flash-on-power-restore issue reported by several agencies. Update recommended before storm season.
Regional training in Kansas City: advanced coordination and ATSPM reports.
=== [bulk] APWA Missouri Chapter - Snow Conference
From-Name: APWA Missouri Chapter
APWA MISSOURI - SNOW & ICE CONFERENCE
Snow plow roadeo registration is open. Sessions: anti-icing strategies, fleet GPS/AVL, and plowing around roundabouts.
Exhibitor hall includes truck body and spreader vendors. Hotel block closes September 18.
=== [bulk] GovDelivery - MoDOT Statewide Construction Update digest
From-Name: MoDOT Statewide Construction Update
STATEWIDE CONSTRUCTION UPDATE
I-70 Third Lane project: nightly lane closures near Mile Marker 115 through Friday.
Route 50 bridge replacement over the Lamine River opens to traffic next week.
Letting results: 34 projects awarded at the March letting.
Manage your subscriptions or unsubscribe at any time.
=== [bulk] Missouri LTAP - Training Calendar
From-Name: Missouri Local Technical Assistance Program
MISSOURI LTAP TRAINING CALENDAR
Roads Scholar Level I: gravel road maintenance, April 8, Rolla.
Flagger certification: multiple locations.
Culvert inspection and drainage: May 13, Hannibal.
Workshops are free for local agency employees, register online.
=== [bulk] National Safety Council - Safety+Health newsletter
From-Name: Safety+Health Magazine
SAFETY+HEALTH - THIS WEEK
Heat illness prevention: OSHA's proposed rule and what employers should do now.
Distracted driving among fleet employees: new survey data.
Tool of the week: a toolbox talk on trenching and excavation.
=== [bulk] American Traffic Safety Services Association - ATSSA News
From-Name: ATSSA News
ATSSA NEWS
Annual convention and traffic expo: registration and exhibit hall map.
Federal policy update: the roadway safety funding push.
Foundation scholarships for children of workers injured or killed in work zones - applications due.
=== [bulk] Trimble Geospatial - survey equipment newsletter
From-Name: Trimble Geospatial
GEOSPATIAL NEWS
New GNSS receiver firmware improves tilt compensation. VRS network coverage map updated for Missouri.
Case study: a DOT survey crew cut field time 30% with mobile mapping.
Government pricing on the state cooperative contract.
=== [bulk] Grainger - Government account safety supplies
From-Name: Government Supply Update
GOVERNMENT ACCOUNT UPDATE
Class 3 high-visibility vests and winter PPE now stocked at your branch.
Contract pricing reminder: your agency discount is applied automatically at checkout.
Order by 3 pm for next-day delivery to district warehouses.
=== [bulk] NACE/AMPP - Coatings and corrosion webinar series
From-Name: AMPP Infrastructure Update
INFRASTRUCTURE CORROSION WEBINARS
Steel bridge recoating: surface preparation standards and inspection hold points.
Zinc-rich primer performance in deicing environments.
PDH certificates issued to attendees. Members free, non-members $49.
=== [bulk] Mid-America Transportation Center - Research Newsletter
From-Name: Mid-America Transportation Center
MATC RESEARCH NEWSLETTER
New project: low-cost cable barrier performance on rural divided highways.
Student research symposium abstracts due.
Seminar recordings available: rural intersection conflict warning systems.
=== [bulk] Missouri Chamber - Infrastructure Council update
From-Name: Missouri Infrastructure Council
INFRASTRUCTURE COUNCIL UPDATE
Fuel tax indexing study presented to the joint committee.
Freight plan comments are due to the department by May 30.
Upcoming: port authority roundtable in Cape Girardeau.
=== [bulk] Road weather vendor - RWIS network status report
From-Name: Road Weather Information Services
RWIS MONTHLY STATUS
Network uptime 98.6% for the month. Three stations offline for sensor replacement: see table.
New pavement temperature forecast model live in the dashboard. Maintenance tickets can be opened through the customer portal.
=== [bulk] LinkedIn Learning for Government - your weekly course picks
From-Name: Learning Platform Digest
YOUR WEEKLY LEARNING PICKS
Based on your role in transportation engineering: Project Management Foundations, Excel PivotTables, Writing Clear Technical Reports.
Your agency license covers these courses. Track completions for your annual training hours.
=== [bulk] FHWA Office of Safety - Safety Compass newsletter
From-Name: FHWA Safety Compass
SAFETY COMPASS
Proven safety countermeasures: new resources for wider edge lines and rumble strips.
Local road safety plans: peer exchange recap.
Vulnerable road user assessments: reminder of the reporting deadline.
"""
