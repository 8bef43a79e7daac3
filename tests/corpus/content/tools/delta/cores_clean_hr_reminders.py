# Hand-written cores, clean hard negatives: HR/ethics reminders that mention forbidden things.
CORES = r"""
=== [int, att] Reminder: no raffles or fundraising on state time
All, a reminder ahead of the holidays: per Policy 2503, selling raffle tickets, taking orders for kids' school fundraisers (cookie dough, popcorn, wrapping paper) or collecting money for outside causes is not allowed on state time or with state email. Office retirement collections organized through your supervisor are fine. Please take personal sales to your personal phone and off the clock.
=== [int] Ethics reminder: gambling and office pools
With March Madness coming up, HR reminds everyone that betting pools, brackets with entry fees, Super Bowl squares and similar wagering are prohibited on state property and state systems. A bracket with no money involved for fun is a supervisor call; anything with a buy-in is not allowed. Questions go to your district HR manager.
=== [int] How to report harassment
If you experience or witness harassment - including unwelcome comments about someone's appearance, age, race, religion or gender, sexual jokes, or unwanted advances - report it to your supervisor, any manager, or Human Resources. You may also use the confidential hotline. Retaliation against anyone who reports in good faith is prohibited and will be investigated.
=== [int] Please do not forward chain letters
We have seen an uptick in chain letters and "forward to 10 people" messages moving through agency email, including prayer chains and joke emails. Policy 2503 Section 7 N prohibits using state email for chain letters and jokes. Please delete them, and if one looks like a scam, report it with the phishing button. Thank you for helping keep the mail system clear.
=== [int, att] Annual acceptable use acknowledgement due
All employees must review and sign the Electronic Communications Acceptable Use acknowledgement by January 31. The policy covers personal use, prohibited content (offensive, sexually explicit or harassing material, chain letters, solicitation, gambling) and monitoring. The form is in the learning system under Required Training.
=== [int] Reminder about offensive content on shared drives
During the file server migration, IT found several folders on the shared drive with images that are not appropriate for the workplace. Sexually explicit or offensive material may not be stored on state systems. Supervisors, please have staff review their personal folders by Friday. HR will follow up on anything that violates policy.
=== [int] RE: Question - can I sell Girl Scout cookies at work?
Hi - thanks for asking first. Under the agency policy, employees may not solicit sales on state time or via state email, and that includes Girl Scout cookies and school fundraisers. You are welcome to leave an order sheet in your personal vehicle or take orders from coworkers on your own time and personal phone. Let me know if you have other questions.
=== [int] Supervisor guidance: responding to a harassment complaint
Supervisors: when an employee reports harassment, do not investigate it yourself and do not tell the accused. Document what was reported (who, what, when, any written messages such as emails or texts), notify HR within one business day, and check in with the reporting employee. Quotes of the offensive language should be preserved exactly as written for the investigator.
=== [int] Workplace violence and threats - what to do
Any threat of violence, including statements like "watch your back" or "I know where you park", must be reported immediately to your supervisor and Security. If you feel in immediate danger call 911. The agency has zero tolerance for intimidation and will investigate every report.
=== [int, att] Holiday party reminders from HR
As we plan holiday gatherings: potlucks and voluntary gift exchanges are welcome. Please remember that gag gifts with sexual content, jokes that target a coworker, and alcohol at work sites are not appropriate. White elephant limit is $15. Let's keep it fun for everyone.
=== [int] Personal use of email - clarification
Limited personal use of state email is allowed when it does not interfere with work. It is not allowed for running a side business, mass mailings to personal lists, subscriptions to non-work newsletters, or forwarding jokes, chain letters or petitions. If you signed up for retail newsletters with your work address, please unsubscribe.
=== [int] Fantasy football - reminder
HR has received questions about fantasy football leagues. Leagues with a buy-in or prize money may not be organized, discussed or paid on state time or using state email or devices. This includes posting standings on the bulletin board. Thanks for your cooperation.
=== [int] Respectful workplace training - new module
A new 30-minute module on respectful workplace behavior is available. It covers microaggressions, jokes about age or disability, comments about coworkers' bodies, and exclusion. Completion is required by the end of the quarter for all staff and supervisors.
=== [int] Sign-up sheets and donation requests in break rooms
Facilities reminds everyone that sign-up sheets for selling items, raffles or outside donations should not be posted in break rooms or on state bulletin boards. Agency-sponsored campaigns such as the Missouri State Employees Charitable Campaign are the exception. Please remove any other flyers by Friday.
=== [int] Reminder: reporting inappropriate messages
If you receive an email that is sexually explicit, harassing or offensive, do not forward it to coworkers "so they can see". Instead send it as an attachment to HR or your supervisor, then delete it. Forwarding offensive material, even to complain, spreads it further.
"""
