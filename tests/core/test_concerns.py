"""Telling a safeguarding worry from a policy question, with the bundled concern lexicon."""

from __future__ import annotations

from typing import Any

import pytest

from assistant.concerns import ConcernDetector
from assistant.duties import SafeguardingRole
from assistant.knowledge import ConcernLexicon, load_knowledge
from assistant.settings import BUNDLED_KNOWLEDGE
from assistant.worry_model import WorryModel


@pytest.fixture(scope="module")
def detector() -> ConcernDetector:
    return ConcernDetector.from_lexicon(load_knowledge(BUNDLED_KNOWLEDGE).concerns)


@pytest.mark.parametrize(
    "worry",
    [
        # no single alarming word: several signs together describe the harm
        "lad at football is always hungry, same clothes every week and nobody ever picks him up",
        "girl in my group flinches when anyone shouts and went quiet when i asked about home",
        "one of the cadets has a second phone and wads of cash, keeps taking calls from older lads",
        "yr 8 wrote about wanting to disappear and drew a noose in her planner",
        "a 13yo showed me dms from a man saying shes mature for her age and its their secret",
        "little boy came in with a red hand mark on his cheek and said dad lost it again",
        "coach keeps calling one of the u14 girls babe and sends her heart emojis",
        "found some really dodgy pics of kids on the shared laptop after one of the volunteers used it",
        "a helper keeps taking one of the boys off on his own and photographing him on her own phone",
        "she keeps hurting herself, there are new marks on her arm every week",
        "saw a man filming the girls from the car park during training, he left when I walked over",
        "one of our cubs is in foster care and must not be identified online, and his photo is on our website",
        # neglect, suicidal talk, homelessness, sexualised play, fake images, extremism, a stranger's interest
        "little one says theres nothing to eat at home at weekends, he's always first in the queue for toast",
        "one of my yr 10s put 'won't be around much longer' on her story last night",
        "lad says his dad will chuck him out if he finds out he's gay, he's been sofa surfing already",
        "a girl in reception was acting out something sexual with the dolls",
        "someone made a deepfake of one of our girls and it's going round the year group",
        "one of the lads keeps going on about how they're replacing us and says violence is justified",
        "a man messaged the club page asking which of the girls was in the red kit and if he could have her number",
        "she asked if she could stay late because it's safer here than at home",
        "her arm is bruised again and she says she fell over, but her story changes every time someone asks",
        # an adult asking a child what they wear, a small child's words about home, a forced marriage's
        # signs, an adult in the children's tents at night
        "the caretaker keeps asking one of the year 9 boys what he's wearing when they chat online",
        "our littlest one keeps saying daddy hits mummy and hides under the table when it gets loud",
        "she says her family want her married straight after her gcses and she isn't allowed out any more",
        "a leader on camp went into the girls' tents late at night to 'check' on them",
        "a volunteer keeps going into the changing rooms while the girls are getting changed after swimming",
        "i saw on the club laptop that someone searched how many pills it takes to die",
        # an injury a parent did, an adult hiding their messages, county lines threats, an adult asking a
        # child for a picture, a child taken by someone barred from contact
        "7 yr old has a round burn on her arm, says her dad did it with his cigarette. what do i do?",
        "one of our 14 yr olds said the youth leader dms him late and asked him to delete the chats after",
        "lad (12) told me the older boys make him carry packages for them and said they'd stab his mum if he stops",
        "a coach from another club messaged one of our 13 yr olds saying she looks fit in her kit, send me a pic",
        "her birth dad isnt allowed contact and he picked her up from school today, i dont know where they are",
        # an adult punishing a child with force, a wish not to wake up, talk of deporting a group
        "the head of year slapped a boy across the face in the corridor today, I saw it",
        "a 9 yr old at brownies said she wishes she could go to sleep and never wake up",
        "one of the year 10s keeps saying all immigrants should be deported and he's been watching videos about it",
        # a member of staff messaging a child privately, a child who may not be safe at home, a favour traded
        # for a date
        "one of the year 6 girls showed me that a teaching assistant has been messaging her on snapchat",
        "after what i saw on his mum's facebook i think the child might not be safe with her new partner",
        "a volunteer at the food bank told a single mum she'd get her parcel sooner only if she went out for a "
        "drink with him",
        # a member of staff following a child online or sending one rude pictures, a child attacked on film
        "saw that one of the coaches is following a 13 yo girl on tiktok and they comment on each other's stuff",
        "apparently a helper has been sending dirty pics to one of our lads on snapchat",
        "theres a video going round of one of our year 8s getting beaten up outside the chippy",
        # harm told in the passive, an adult dating a child, a child in tears who won't say why
        "reckon one of my u10s is being hit at home, he flinches when i raise my voice",
        "a 20 year old helper is dating one of our year 10 girls and nobody has said anything",
        "one of the little ones came back from the toilets crying and wont tell anyone what happened",
        "one of the helpers keeps offering to sort a young mum's benefit forms if she meets him for a drink",
        "a new helper keeps having one of the little girls on his lap and whispering to her, its making me uneasy",
        # typed without apostrophes, as on a phone
        "dad came to collect and was slurring and stank of booze, hes got the car keys out already",
        # bullying in a group chat, told in chat shorthand
        "one of our u12s is getting loads of nasty msgs from teammates in the group chat, what do i do",
        "one of the girls was really shaken after a video someone showed her on the minibus",
        # grooming signs: private messages late at night, compliments on looks, secrecy from "ur parents", cash
        "a scout showed me dms from a leader in another district, late night msgs and compliments about her looks",
        "one of the girls says a coach messages her and told her dont tell ur parents we chat",
        "our u12 manager keeps texting one of the boys privately and gave him cash",
        # bullying told as being called names
        "lad in my group is getting called names constantly and the others filmed him and laughed",
        # money taken from an older person, who is too frightened to "talk about it" (a verb, not a talk given)
        "worried about one of our older members, her grandson has taken over her pension and she hasn't got "
        "money for the heating, she seemed scared to talk about it",
        # a child's own words for sexual abuse, a school story about wanting to die, a conviction told of someone
        "a 5yo at creche said her cousin makes her touch his willy when they play",
        "his english homework was a poem about wanting to die and nobody missing him",
        "just heard our new minibus driver was convicted of offences against children years ago, he starts monday",
        # an overdose planned in a client's own words; a child offered game currency for pictures of himself
        "a client left a voicemail saying shes been saving up her pills and wont need the appointment next week",
        "my 11yo tutee says a guy on roblox keeps offering him robux for selfies",
        # bullying told without the word
        "the girls in the netball squad have been really horrible to one girl all term, she won't come to practice now",
        # hostility to a group, an overdose already taken, an adult's money held by family, a colleague giving
        # children a private line, someone not where they should be and looked for
        "two of the boys keep saying the refugees are invading and someone should do something about the hotel",
        "a learner told me on the call she swallowed a handful of her nan's pills an hour ago",
        "one of our regulars says his son keeps his bank card and he hasn't had a penny since march",
        "a coach i know gives some of his players his personal snapchat so they can send him clips",
        "maya isn't in her tent and we've checked the toilet block and the minibus",
        # a picture of a girl undressed passed round; money asked of someone by a stranger met online
        "theres a photo of one of our girls with her top off going round the year 9 group chat",
        "tom's been talking to a woman on facebook for weeks and now she needs money for a visa, he wants to send it",
        # a child who never came home; an adult taking children to the toilet alone behind a shut door, or going
        # into the girls' showers; a carer's insults; medicine signed for and not given; someone alone not seen for
        # days; a court order against the only other contact; a nappy left on; talk of ending it; a secret chat;
        # game currency sent; a colleague collecting children's snapchats
        "priya never came home from youth club last night, her mum just rang",
        "one of the dads who helps keeps taking the little ones to the toilet on his own and shuts the door",
        "the new coach keeps going into the girls' showers at the end of training",
        "heard one of the carers call mr davies a filthy old man while she was washing him",
        "day staff never actually give mrs khan her insulin, the chart's ticked but the pens are full",
        "mr jones who lives alone hasn't been seen since sunday and his curtains have been shut all week",
        "kid still here at 6.30, dad's not answering and the other contact has a non-molestation order",
        "little leo in the same nappy from drop off till pick up again",
        "she's been going on about ending it and now she's not replying",
        "a man from his game sent him robux and wants a secret chat",
        "one of the volunteers asked me for our students' snapchats so he can help them with homework",
        # a disclosure that then asks what the policy says is a worry all the same
        "a girl just told me her dad hits her, whats the safeguarding policy for this?",
        "after giving the training a volunteer told me her partner hits her and she's scared to go home",
        "a girl just told me her dad hits her, whats the policy on this?",
        "doing a talk about grooming for the cubs and afterwards a girl told me her uncle touches her",
        "i've been asked to do a talk at the youth club and afterwards a girl told me her uncle touches her",
        "noticed fresh bruises on one of my u10s again today, does that count as neglect or abuse?",
        "saw one of the coaches messaging a 13yo on snap late at night, is that classed as grooming?",
        # asked whether it is harm, about a real child or resident it keeps happening to: nobody told the writer
        # anything, and the words alone may be mild ("staying behind", "going through the bins")
        "does it count as bullying if the older ones keep leaving one girl out of their group chat?",
        "is it a dsl thing if a lad in my class keeps going through the bins at lunch for food",
        "is it a safegaurding issue that one of our altar boys has started staying behind alone with the verger?",
        "do i need to report that a carer keeps taking one of our residents into the office and she comes out crying?",
        "is it normal for the minibus driver to sit in the girls' changing room most weeks?",
        "our u13s keeper hasnt been to training since half term and his mum's number is dead, does that count as "
        "missing?",
        "a teacher keeps messaging a yr 10 on insta at night, is that reportable?",
        "the coach keeps shouting at the u9s every session when they lose, is that normal?",
        "the coach keeps turning up late and shouting at the u9s, is that normal?",
        "is it normal for the swim coach to be in the girls changing room? he's in there most weeks with the u12s",
        # an adult arranging to be alone with a child overnight or at home, in a real case, however it is asked
        "can a coach take one of the girls from our gymnastics squad away for a weekend comp on his own? he's "
        "already booked the hotel",
        "one of our volunteers has had a lad round to his flat on his own again this weekend",
        # ...or another red flag, told of a particular adult: photos where children change, sexual material,
        # "our secret", one child taken off alone
        "is it normal that one of the scout leaders has a 14yo round his house on her own for 'extra badge work'?",
        "one of my u11s says her coach takes pictures of her in the changing room to 'check her posture'",
        "one of the helpers at camp showed the 12yos porn on his phone and told them it's our secret",
        "the new volunteer keeps taking one little girl off on her own to 'help' him in the shed",
        "one of the volunteer tutors keeps saying he can get a young woman in his class a flat if she visits him on "
        "her own",
        "one of the arts mentors gave a 14 yr old his number and told her she can pop round to his studio on her own",
        # staff taking what is the residents', and an adult who keeps privately messaging one child
        "one of the night carers has been nicking residents' cash from their purses",
        "the agency worker takes residents' chocolates from their rooms, saw it again today",
        "is it ok that our coach keeps giving one of the u14 lads lifts and snapchatting him at night?",
        # a child left alone for days or denied food, an adult at risk made to sign away her home or left to wander,
        # presents with "don't tell"
        "kayden (8) says his mum left him on his own all weekend again, just crisps for tea",
        "one of the cubs says he's not allowed dinner at home if he's been bad, he's really thin lately",
        "mrs ahmed's nephew got her to sign papers at the solicitors and now she thinks she's lost her flat",
        "the agency carers were asleep again and mr bell was found in the road at 4am in his pyjamas",
        "the caretaker keeps buying one of the yr 6 girls sweets and told her don't tell your friends, weird?",
        # what a young person is doing, told with chat's dropped "is", asked about as harm
        "one of my yr 9s sharing videos about a race war in the group chat, does that count as extremism?",
        # a sign of harm with the writer's unease ("thats not ok is it")
        "the new volunteer told ruby (8) not to tell anyone he gave her sweets, thats not ok is it",
        # a lesson, the news, the policy or a word as the scene of a worry, not its subject: patterns that made
        # questions of messages about a lesson, a policy or a word were tried, and made these questions
        "girl in my lesson said her stepdad hits her",
        "a girl in my maths lesson has bruises all up her arm and flinched when i moved",
        "there was a lad on the news who got stabbed, he used to come to our club, his little brother still does "
        "and is really upset",
        "reviewing the policy made me realise one of our volunteers has been messaging a 14 yr old on snap",
        "whats the right word for it when an older lad gets a 13yo to carry stuff for him? its happening to one of "
        "ours",
        "i'd say a child who comes in hungry and dirty is neglected? leo (7) is like that",
        # an injury's mark, and a child nobody can find
        "noticed a burn mark on the back of leo's hand today, he says he cant remember how he got it",
        "we cant find him anywhere, Sam (11) was here 10 mins ago and his phone off",
        # a teacher's conduct the writer isn't sure it is their place to report
        "i think one of the supply teachers has been following some of our yr 4s on tiktok, a mum showed me. not "
        "sure it's my place to say anything",
        # a child's messages to the writer, asked about: the writer's own wondering is reason enough to tell the
        # lead (so "a lad keeps calling me by my first name, is that a safeguarding thing?" is a worry too)
        "one of the girls keeps messaging me at night saying she hates home, is that a safeguarding thing?",
        # one sign of harm, with the writer's unease in other words than "am i overreacting"
        "does a coach at our club sending a 13 yr old 'ur so fit' and heart emojis count as inappropriate or am i "
        "reading into it",
        # physical punishment with an object, told as the way things are done
        "one of the tutors still raps the kids across the knuckles with a ruler when they get it wrong",
        "lad said his mum hit him with a hairbrush last night cos he was cheeky",
        # a threat to find a young person, work a child can't refuse, an adult dating a 17-year-old they teach
        "someone's messaged our 16yo ref saying they know where he lives after sunday's game",
        "max (14) joked that his dad would batter him if he lost the match, then went really quiet",
        "a helper has a few of the girls doing his garden for cash and they seem too scared to say no",
        "our swim instructor (21) is dating one of the u18s he coaches, she's 17",
        # pictures of children someone is looking at, told as not right
        "bloke in the cafe corner has pics of little kids on his laptop, really not ok ones",
        # a group told to go back where they came from
        "jake (14) keeps telling the younger ones immigrants should be sent back, he gets it off some guy on tiktok",
        # a member of staff following a year group on tiktok; a child's meltdown posted on a story
        "one of the TAs follows loads of our yr 5s on tiktok and likes all their vids, do i flag it?",
        "a colleague put a video of one of our lads having a meltdown on her snap story, with his name on it",
        # a picture of a child undressed, told without the word "nude"
        "someone's put a photo of one of our u14 girls with no top on in the squad chat, what do i do",
        # a small child's words for sexual harm, and a child's words told as a question ("what counts as...")
        "what counts as a disclosure? tia 5 said her uncle touches her front bottom",
        # self-harm seen, county lines and FGM as families say them, a marriage found and a passport taken
        "saw cuts all over her forearms when she pushed her sleeves up at dance",
        "lads reckon our kyle is going country now, hes got new trainers and a second phone",
        "she's 8 and says her gran is taking her abroad in the holidays to have the cutting like her cousin",
        "17yo says her family have found her a husband back home and her dad has taken her passport",
        # money or freedom held by another, a small child left alone, an adult mocked or left in care
        "resident says her son holds her bank card and she's not allowed out unless he says so",
        "4 yr old left alone in the flat again while mum's at work, neighbour rang us",
        "mrs k was left in a wet pad all night, nobody turned her",
        # a child's drawing, sexual videos shown, made to strip or stand out in the cold, told to stay quiet
        "year 1 girl keeps drawing a man on top of a little girl in bed",
        "11yo says his brother's mate shows him grown up videos on his phone at the park",
        "leader made one of the cubs strip to his pants as a forfeit in front of everyone",
        "lad says his dad makes him stand in the garden in the cold when he's naughty",
        "dad at pick up said if his son tells us anything about home he'll regret it",
        # kept in return for carrying bags, meeting a stranger from a game
        "16yo sleeping at an older lad's flat in return for a bed and doing 'runs' for him",
        "one of my guides has been chatting to a man she met gaming online and he's coming to meet her saturday",
        # pictures of children undressed asked for or looked at
        "the violin tutor asks the girls to send videos in their pyjamas to his own phone",
        # what an adult in a role of trust does with a child: a lap, a shared room, changing rooms, home visits,
        # messages calling them beautiful, adding them on personal accounts, asking who walks home alone
        "one of the coaches had a yr 6 girl sat on his lap on the coach home, stroking her hair",
        "on the tour one of the leaders shared a room with one of the boys, nobody else knew",
        "our trampoline coach insists on being in the changing rooms with the under 9s",
        "the new helper keeps offering to help the little ones get changed, we've said parents do it",
        "one of our volunteers keeps inviting a 14 year old girl back to his flat for extra maths",
        "the drama leader keeps messaging the yr 8 girls late at night telling them they look beautiful",
        "a volunteer keeps adding the u12 girls on snapchat from his own account",
        "one of the new helpers keeps asking which kids walk home on their own",
        # a real case asked about a word or the law, or after what the guidance says, is still a worry
        "is it illegal that a 30 yr old volunteer is dating one of our 16 yr old girls?",
        "the guidance says we should record it - lad (12) said his mum's boyfriend locks him in his room",
        "our policy says tell the dsl but she's off - a yr 8 just told me her dad hit her with a belt",
        "after the lesson on consent a girl in yr 10 told me her boyfriend hits her when he is drunk",
        # someone wanting to meet a child: the child is met, or met them online, or it is to be secret
        "a man she met on roblox wants to meet up with her this weekend",
        "a 13 yr old in my group is chatting to someone on fortnite who wants to meet up on saturday",
        "one of the members (15) says a guy wants to meet up just the two of them and not tell her mum",
        "the new volunteer has been messaging one of the girls on snap late at night",
        "a helper buys one of the girls presents and told her to keep it a secret from her mum",
        # a black eye explained away, a child gone from the session, an adult in care neglected; a note's few words
        "maisie 9 at rainbows, black eye again",
        "his mum says he walked into a door, third time this term",
        "theo (7) gone from the park session, cant find him",
        "mrs k in room 4 has pressure sores nobody wrote down, the day staff say she wasnt moved all night",
        # content that teaches self-harm; a stranger asking where a child can be found
        "noticed one of my year 9s scrolling pro-ana accounts at lunch, she looked really thin",
        "a man messaged our insta asking what school the girl in the show photo goes to",
        # a child not found while looking, a head count short on a trip, a weapon shown, a child's own words about
        # being shut in, violent videos shown to little ones
        "cant find alfie at the park. shouted where are you twice, nothing. about 5 mins now",
        "river trip, we're one short. his boat is on the bank but no sign of him",
        "a lad just showed his mates a massive knife in his bag at the session",
        "ruby (7) said mummys boyfriend locks me in the cupboard when hes cross",
        "saw one of the teachers whack a boy's hand with the ruler, kid was crying",
        # a blade pulled out of a bag, a fight filmed, a goodbye in other words, a young person's crush on the writer
        "a boy pulled a knife out of his pocket at the bus stop after club",
        "two of our u13s were scrapping outside the chippy and a crowd of kids was filming it",
        "one of the lads said 'this is the last time you'll ever see me' as he left",
        "a 16 yo from the youth club messaged me on snap saying he fancies me",
        "one of the older boys was showing the little ones a video on his phone of people getting hurt",
        # remarks about a child's body, and a child who has gone very quiet since
        "some of the girls keep making comments about her weight in the group chat and she's gone very quiet",
        # an adult's remarks on girls' clothes and crushes, told with unease; a young child alone at home
        "not comfortable with how one of the helpers talks to the girls, always on about what they're wearing",
        "home visit, door was opened by the 5yo and the baby was screaming, mum not answering her phone. wat do i do",
        "one of the year 10s turned up to the disco absolutely hammered",
        # an adult's money taken again and again
        "the lads he lives with keep taking his benefits money, he's got nothing left by tuesday",
        # a child handled roughly, by whoever did it
        "one of the helpers grabbed a boy by the collar today and shouted in his face till he cried",
        "the coach pulled a girl off the bench by her hair at training, she was in tears. what do i do?",
        "the supervisor yanked a little one by the arm and dragged her across the hall, she was crying",
        "a parent dragged her son out of the hall by his arm after his tantrum, should i say something?",
        # a child threatened or humiliated by an adult
        "the ta keeps threatening the little ones that a policeman will come if they're naughty, one wet herself",
        "the swimming coach made a boy do the session in his underwear because he forgot his trunks, everyone laughed",
        "the cricket coach calls one of the lads useless in front of the whole squad every week",
        # a child named by their section
        "beaver went missing at the campsite, leaders searching the woods for 20 mins, no sign. police first?",
        # an adult's personal care left undone, or their money drawn out for someone again, or paid out to a "prize"
        "mr k on the dementia unit had his pad not changed all night shift, he was soaked through this morning",
        "handover - new carer asked why dot in room 9 is always in the same cardigan, she was left wet and sore "
        "between the morning and evening rounds yesterday. will raise. also hoist battery low",
        "took mr d to the post office again today, he drew out 900 in cash for his new mate who's 'fixing his car'",
        "long one sorry. did the digital skills drop in with mr s, hes doing well with email now. he showed me "
        "messages from a 'prize team' hes been buying google play cards for, says hes about to win. anyway we set up "
        "video calls",
        # an adult locked in, a child asked about photos in the bath
        "found the door of room 3 locked from the outside again this morning, the resident inside was banging on it",
        "one of my yr 2s asked me if its normal for a grown up to take photos of her in the bath",
        # ...but an injury whose story casts doubt on it is a sign still
        "she has a black eye again and says it was at netball but her story keeps changing",
        # a member of staff messaging children privately at night, or following them on their own accounts
        "pretty sure one of our staff has been snapchatting two of the juniors at 1am, they showed me",
        "noticed one of the volunteers is following loads of our attendees from his own insta, is that normal",
        # a child filmed being shouted at, or crying for others' amusement
        "a girl in my group told me her step mum records her getting screamed at and sends it to the family chat",
        "lad in yr 5 says his brother films him crying and posts it for laughs",
        # talk of a group taking over a place, without naming the group
        "one of my lads keeps going on about how those people are taking over the estate and need stopping",
        # a marriage being arranged for a child
        "the family are taking her back home in august to get her engaged, she only told me cos she was upset",
        # the same neglect day after day; a goodbye in a group chat; a threat to keep a child quiet; an injury
        # whose explanation changes; a child left uncollected again with no one answering
        "ellis came in with no coat again in the snow and no lunch, 3rd day in a row",
        "kayla wrote 'i wont be here much longer' in the group chat and left it",
        "she says she will get hurt if she tells",
        "baby on the ward with burns on her hands and the parents have given two different stories",
        "ruby (7) still not picked up at 6.30, no answer from dad, this is the third time",
        # an adult said to be on the sex offenders' register, near children
        "the bloke who keeps chatting to the kids by the gate, one of the mums says hes on the register",
        # the writer's unease about the way an adult is with a child
        "bit worried about mo, the way hes been messaging one of the members on insta",
        # a home unfit for small children with no adult in; a "secret game" at bath time; an adult named by role
        "popped round to drop off her trainers, no heating, dog poo on the floor, the baby crying and no adult home",
        "maya (6) said her stepdad's friend plays a special game with her at bedtime and she mustnt tell",
        "coach dave filmed the u13 girls getting changed after the match, said it was for the team video",
        # a child gone, searched for; an adult kissing a young person; a burn its story doesn't fit
        "sam r didnt come back from the loo at soft play, weve searched everywhere, 15 mins now",
        "i saw the coach kissing a 15yo player in the car park after training",
        "little one has a round burn on her wrist, dad says she touched the kettle but it doesnt add up",
        # a child shoved into a wall, seen on a parent's own post
        "saw his dad's insta story, hes yelling at jay and shoving him against the wall over a spilt drink",
        # a stranger filming the children; a child gone, last seen a while ago
        "a bloke's been stood by the gate filming the juniors on his phone for ages, nobody knows him",
        "the girls came off the pitch and said a man was taking pictures of the under 12s, none of us know him",
        "jack (8) not with the group at the aquarium, last seen by the shark tank 10 mins ago",
        # an adult with a record of offences against children; a child sent an adult exposing himself
        "one of our drivers has a conviction involving children, a parent found it online",
        "one of the girls was sent a pic of a man with nothing on by someone she plays roblox with",
        # a fight clip of one of ours, someone kicked on the floor
        "theres a fight clip going round of one of our year 8s",
        "they were punching him on the floor outside the chippy after youth club",
        # hatred of a people, a bomb asked about; secrets from parents, drink given by an adult
        "she keeps saying she hates immigrants since she started following that account",
        "he was asking the group how you make a pipe bomb and wasnt joking",
        "one of the leaders keeps telling the cubs to keep things from their parents",
        "volunteer mike gave the lads cans at camp and told them to keep it between us",
        # weight lost and eating almost nothing
        "she's lost so much weight this term and her mate says she only drinks water at school",
        # asked what she is wearing, in messages or in bed
        "some lad she met on fortnite keeps messaging her asking what shes wearing",
        "a resident keeps ringing the office at night and last time asked what i was wearing in bed",
        # a room shared with two of the children; one taken back to an adult's home alone
        "one of the leaders shared a room with two of the cubs at camp, the other leaders didnt know",
        "yesterday a helper took one of the beavers back to her flat on her own to get a spare jumper",
        # a child telling of being afraid to go home for what will be done to them
        "ellie told me at the end 'i cant go home tonight, he'll kill me' and wouldnt say who",
        # a man asking for a child's account by her name, or saying he will wait for her
        "a man rang the club phone twice asking for poppy's snapchat, said he was her cousin",
        "some guy kept commenting on our live stream that he would be waiting outside for her after rehearsal",
        # a marriage arranged for a young person in the family's own words
        "ayesha (14) says her dad has arranged her nikah for when they go back home in july",
        # an adult found in the children's tents in the night; pictures of children where they change
        "went out for a smoke at 2am and one of the dads helping was in the boys tents with the lights off",
        "someone airdropped me photos of our juniors in the showers after the gala, no idea who took them",
        # an adult calling children "babe" or sending them kisses; filming other people's children close up
        "one of the helpers keeps calling the year 9 girls babe in the group snap",
        "the new volunteer sends her kisses at the end of every message, she's 13",
        "a grandad at the gala was videoing the girls in the relay and zooming right in, none of them are his",
        # wishing to disappear forever; a carer with residents' cards and money gone
        "in the car home leah said she wishes she could disappear for good",
        "a support worker keeps the tenants' bank cards in her bag and the balance never adds up",
        # rape told; force that leaves a mark; an adult collecting the children's own numbers or accounts
        "one of the year 9s told me she was raped by her cousin at the weekend, shes in the toilets crying",
        "the coach grabbed his wrist hard enough to leave a mark after he missed the penalty",
        "our new helper asked for all the cubs snapchats so he can send them reminders",
        # a particular adult by what they do ("dave follows...") or were seen doing ("was snapping pics of...")
        "our volunteer dave follows the girls from the dance class on insta, all of them",
        "the assistant leader at camp was snapping pics of the cubs getting changed",
        # children half dressed in pictures sent round; a threat to kill her, which is not the writer's own joke
        "our coach airdropped the squad pics from the changing room, two of the girls are half dressed in them",
        "she said her dad will kill her if he finds out about the boyfriend",
        # a resident handled roughly, named as Mr or Mrs; a neck squeezed at home, told by a small child
        "saw the agency worker grab mr patel by the wrist and drag him to the lounge",
        "at drawing time jack (5) said mummy cries when daddy squeezes her neck",
        # a new adult moving the children's chats to a private app, kept from their parents
        "the new volunteer has been asking the older girls to move their chats to whatsapp so their parents dont see",
        # crying alone, nothing said to have made it up
        "noticed she's been crying in the toilets most break times since the row with her group",
        # pills to lose weight; a threat to keep a child from telling; despair found written down, with no name
        "a yr 12 asked me how many laxatives you can take in a day, shes got really thin",
        "lily (7) said her stepdad told her if she tells anyone he'll send her away",
        "found 'i want to die' scribbled in an exercise book, no name on it",
        # an adult recognised from the news as a sex offender: a real case, not a news story asked about
        "a mum recognised our caretaker from a news story, she says hes on the sex offenders register",
        # grooming's flattery in the writer's own words; someone coming into the bathroom while a child showers; a
        # child wedging their door shut, with another sign
        "the assistant coach keeps messaging me at night saying im mature for my age, im 15",
        "her stepdad keeps walking into the bathroom while she's in the shower, she told me at breakfast club",
        "she's started wedging the door shut with a chair at night and won't say why, and she's lost loads of weight",
        # pictures of a kind asked of a child; a parent's threat told as "she'd batter him"
        "a man on tiktok saying hes a model scout has been asking her for swimsuit pics",
        "his mum was shouting in the car park that she'd batter him when they got home",
        # money offered to a child for pictures; an adult's "our secret" to a child; a child who can't go home and
        # won't say why; weeks off school with the food running out; someone in care pictured in their nightclothes;
        # despair typed in a group's general chat; asking whether a named harm is what it is
        "a guy on her roblox server said he'd give her £20 for a few pics in her bedroom",
        "the new helper has been dming two of the cubs, one showed me 'remember its our secret'",
        "at pick up amira (10) said she cant go home tonight and wouldnt say why",
        "one of our young carers said they havent been to school in a fortnight and theyre running out of food",
        "a relief carer has been filming patients on the ward in their nightclothes for tiktok",
        "in general chat one of the lads wrote 'no one would even notice if i was gone'",
        "a tenant's son told me he moves her pension into his own account each month, is this financial abuse?",
        # marks a fall doesn't explain; a family's case read while preparing for a visit to them
        "ellie (4) has bruises on both upper arms, a bit like fingermarks. her mum said at drop off she fell at "
        "soft play",
        "preparing for a core group meeting, mum's public insta has a photo of the 6yo with a bruised cheek captioned "
        "'thats what happens when you lie'",
        # an adult seen hitting a small child; a child being married off; a small child fending for herself; a private
        # group that other staff are kept out of
        "saw the nanny at the park smack a little boy's legs really hard and shout at him",
        "a 14yo in our esol class says her family are arranging for her to marry a cousin back home this summer",
        "at circle time ruby (5) said mummy doesnt wake up so she does her own breakfast and her baby brother's bottle",
        "the new sports coach has set up a private snapchat group for the u15s and told them not to add the other "
        "coaches",
        # a bereaved child wishing to be with the one who died
        "after the bereavement group tia (13) messaged me 'whats the point, ill be with my sister soon'",
        # pictures of children told as not the ordinary kind; a session lead following children on an app
        "the caretakers phone was on the side with photos of little girls on it, not normal photos. im shaking",
        "i think one of our group leads is following some of the girls on insta, should i say something",
        # an adult hitting children, told in the present
        "the other club's coach smacks the kids on the back of the head when they get it wrong",
        # a young person's bank account lent for someone's money; a baby shaken; an accident form to be destroyed;
        # a parent kept away by a court order
        "some lad he met online wants to use his bank account for a few payments and give him £200 for it",
        "dad at stay and play said he shook the baby last night cos he wouldnt settle",
        "the deputy asked me to bin the accident form from when the toddler fell while we were all on our phones",
        "its 6.45, nobody has come for maisie (5), mum's phone is off and her dad has a no contact order",
        # a member of staff posting nasty comments about a pupil's family
        "one of the teaching assistants keeps posting horrible comments about a pupil's mum on the village fb page",
        # a tracking device hidden in a child's things
        "found an airtag sewn into the lining of his school bag, mum and the kids are in the refuge",
        # a child named only by name, said to suffer a harm
        "reckon jodie is being groomed online",
        # an adult asking a young person to go over to a private app, or making it their secret
        "one of the tutors told a year 10 student to move to snapchat to get her revision notes",
        "our coach offered one of the players free extra sessions on saturdays but said keep it just between us",
        # someone in care filmed undressed and posted
        "a care assistant posted videos from the lounge on tiktok and you can see mr patel undressed in one",
        # a child thrown out of home with nowhere to sleep, or talk of not being here
        "one of the 16yos got kicked out by her stepdad and says a lad from snap said she can stay at his",
        "kyle (15) said in group he might not be around much longer and laughed, now he wont answer",
        # a man shouting at a child heard over a call, the writer not knowing what to do
        "on the video lesson i heard a man screaming at her and she was crying after. i didnt know what to do",
        # a page made to mock a young person
        "a couple of the year 9s set up a fake page mocking one of the quieter girls",
    ],
)
def test_signs_of_harm_in_everyday_words_are_a_concern(detector: ConcernDetector, worry: str) -> None:
    assert detector.assess(worry).concern


@pytest.mark.parametrize(
    "question",
    [
        "what does the policy say about grooming?",
        "are we allowed to talk to the kids about extremism in pshe?",
        "the dog grooming van is coming to the fete, do they need a dbs?",
        "the kids were fighting over the xbox controller again, can we ban phones at the session?",
        "a colleague keeps sending me nasty dms, can i block her?",
        "im starving, are we allowed to eat in front of the kids at lunch?",
        # everyday sentences that share words with the signs of harm
        "she sent back the consent form, can I post the photo now?",
        "I filmed them at the match and posted it on the club insta, is that ok?",
        "can I take his phone off him if he's on it all session?",
        "she has met the new coach already, can she train with the u16s?",
        "I'm getting married next year, can I invite some of the kids' parents?",
        "he's beating everyone at fifa in the youth club, can we run a tournament?",
        "can parents come into the changing rooms when the kids are getting changed after swimming?",
        "can the older kids use a knife in cooking club if a leader is watching?",
        "one of the kids fell and hurt himself on the climbing frame, do I fill in the accident book?",
        "can we teach the kids about deepfakes in the online safety session?",
        "he said the venue is nowhere near the station, can i give the kids a lift?",
        "alfie's auntie is collecting him today and i've never met her, how do i know it's really her?",
        "he came off his bike on the way in and has a bruise on his knee, do we write that down anywhere?",
        "does it count as bullying if older ones leave a girl out of their group chat?",
        # preparing for a worry, not describing one: hypotheticals, training, definitions, records
        "for our risk assessment: what would we do if a young person ever brought a knife to camp?",
        "what are the signs of exploitation we should look out for? i missed the training session",
        "does shouting at home count as emotional abuse of the child?",
        "should we always log bruises on toddlers' knees, or only ones that look odd?",
        "can you summarise what the policy says about grooming risks in 1:1 sessions?",
        "if a parent asks to see our safeguarding notes about their child, do we have to show them?",
        "what's the legal position on taking a child abroad for fgm?",
        "we're doing an assembly on county lines, what's ok to say to year 7s about exploitation?",
        "if a child is always collected late, is that treated as neglect?",
        "one of the lads hasnt come back to club since march, can i take him off the register?",
        "our keeper was crying in the car park after we lost 5-0, should i say something at training?",
        "one of the 8 yr olds got a nosebleed at club, all sorted, does it go in the accident book even tho it "
        "wasnt really an injury?",
        # her own head in a fall, things gone missing, a rule asked about as the club's "stance"
        "one of the u12s fell at training and hit her head on the post, she seems fine, do we fill in a form?",
        "a boy's trainers went missing from the changing rooms, can we check the cctv?",
        "lad says his earbuds went missing out his bag during the session and his mum wants us to pay, do we?",
        # a mark from a jab, thank-you letters
        "she's got a mark on her arm from the vaccination this morning, can she still go in the pool?",
        "the year 6s have written letters to everyone who helped at the fete, can we put them on our page?",
        "can we put the team photo of the lads with no shirts on after the cup win on our page?",
        "the refugees should go home at 4 after the english class, who signs them out?",
        "a mum from breakfast club sent me a friend request on insta, never met her before i started here. accept?",
        "a dad posted a video of the u10s in tears after losing the final, can we share it on the club page?",
        # an abusive comment aimed at staff, a leader messaging the whole team, an app's safety
        "someone posted an abusive comment about a member of staff on our page, can we delete it?",
        "the coach has been messaging them all on the team whatsapp about kit, is that allowed?",
        "a parent says the new game might not be safe for under 12s, can we still play it at club?",
        "one of the coaches follows a few of the players on tiktok, is that allowed?",
        "someone i dont know keeps sending me nasty messages about working with the kids, can i block them?",
        "some random account keeps sending me abusive msgs about my job, should i screenshot them or block them?",
        "ruby's grandad is collecting her today, never met him before, how do i check it's really him?",
        "whats the rule if one toddler bites another, do i tell the other parent who did it?",
        # children asking for a selfie with a leader; a grandparent not yet on the collection list
        "the kids keep asking for selfies with me at the leavers party, can i be in their photos?",
        "grandma wants to pick him up today but shes not on the collection list, can we let him go with her?",
        # whether a kind of physical contact is allowed
        "is it ok to move a kid's arm to correct their backhand or is touching them a no go",
        "is hugging a child who's upset allowed, or should i keep my distance?",
        # what happens to anyone who does something: a question on sanctions
        "what actually happens to a student who posts abusive stuff about another member online?",
        # an older lady is someone visited, not an older man who grooms
        "i visit an older lady from church at her house on my own most weeks, do i need to keep notes?",
        # what makes someone vulnerable, asked in general
        "what are the 'push factors' for radicalisation? like what makes a young person more vulnerable to it",
        "what are the different types of abuse a child might be experiencing at home?",
        "we're doing a talk about staying safe online for the year 8s, what can we say about grooming?",
        "the vicar asked me to do a talk for the sunday school leaders on what grooming looks like, he said keep it "
        "short",
        # the writer's own upset after a hard day
        "had a really upsetting visit with one of the older residents today and i'm feeling a bit shaken, "
        "is there anyone i can talk to?",
        # "privates" are private lessons too
        "a dad asked if i can do privates with his son on saturdays and pay me cash, is that allowed?",
        # the writer's own plans, in the words of the new harm patterns
        "can we give them robux as a prize for the quiz?",
        "can i take one of the kids to the toilet alone?",
        "can we set up a secret group chat to plan the leavers surprise?",
        "we're talking to a charity on facebook about donating £200 to the club, who signs it off?",
        # a disclosure imagined is still a question
        "if a child told me her dad hits her what would i do?",
        "what if one of the kids told me they were being hit at home, what's the procedure?",
        "if i noticed bruises on a child would that count as neglect?",
        # the same questions, asked in general, for a lesson or a quiz, or about adults at work
        "is it a dsl thing if a lad goes through the bins for food?",
        "is it abuse if a carer keeps shouting at a resident? it's question 3 on our care certificate quiz",
        "would it count as grooming if a coach keeps messaging a player? doing a talk for the u14s' parents",
        "someone in the team chat keeps using crude language, do i need to report it or just ignore?",
        # something that keeps happening to a child, asked whether to tell or report, with no harm in it and no
        # adult doing it
        "a lad in yr 7 keeps forgetting his pe kit, do i need to tell his parents?",
        "one of the u12s fell at training today and hit her head, do we need to report it?",
        "one of my year 9s keeps using her phone in class, should i report it to her head of year?",
        "one of the girls keeps asking me for my snapchat, do i need to report it?",
        "a boy in my class has started wearing glasses, do i need to tell anyone?",
        "one of the girls' dads keeps offering to help at every session, is it ok for him to?",
        "am i reading too much into it or is it ok to post the team photo without surnames?",
        # the same words in everyday questions: a rule on eating, a consent form, keys, a colleague's age
        "the kids are not allowed to eat on the minibus, is that our rule or the bus company's?",
        "can a parent get him to sign the consent form at pick up?",
        "she lost her house keys on the trip, can we call a locksmith?",
        "my colleague (32) keeps asking me out, should i report it?",
        # the same, asked in general, or an adult alone with nobody at risk
        "can a coach take one of the girls away to a comp on his own?",
        "can a leader share a room with a child on a residential?",
        "one of the leaders is staying overnight at the hotel on his own tonight to set up, do we pay his room?",
        "one of the leaders keeps staying over at the hotel alone before comps, is that ok with the u16s?",
        "is the coach allowed to take photos of the kids in the changing room after the final for the team pic?",
        "can we show the kids an 18 film at the sleepover if their parents agree?",
        "she told the group it's our secret what the surprise party is, is that ok?",
        "should a carer take residents' money to the bank for them?",
        "can staff take a resident's cigarettes off her if she's smoking in her room?",
        "our coach has been giving out the team kit and messaging her mum about sizes, is that ok?",
        # an adult's everyday work gone wrong, with nothing done to a child: a question for their manager
        "one of the leaders keeps forgetting the kids' registers, do i need to report it?",
        "one of the teachers has started giving the yr 6s extra homework, is that normal?",
        # "her coach" is a particular adult in a role of trust; "her dad" named alone is nobody to worry about
        "one of my yr 9s keeps saying her dad is strict about phones, should we do something?",
        # adults named like the people at risk: a member of staff, a student volunteer; and children told off
        "a member of staff keeps using crude language in the team chat, do i need to report it?",
        "our student volunteer keeps turning up late every session, should we do something?",
        "the kids keep getting told off by the dinner staff every lunch, is that normal?",
        "a dad on the committee keeps flirting with me at events, what's the stance on staff dating parents?",
        # ...and asked about as a breach of the policy, a question
        "one of our members posting photos of the team on her insta, does that count as a breach of the policy?",
        # unease about a rule is no worry about a child
        "that new rule on phones at camp, thats not ok is it? the kids need them for music",
        # a form or a parent that can't be found is no missing child
        "i cant find her consent form for the trip, can she still come?",
        "one of the girls left her coat and i cant find her mum to give it back, what do i do",
        # the words of those worries in everyday work
        "the kids left empty crisp packets all over the minibus again, can i make them tidy it?",
        "can the kids' meds stay in the office and do they take them all at lunch?",
        "the new volunteer asked if i know where he lives so she can drop his kit round",
        "some of the new volunteers are too scared to say no to extra shifts, is there a limit?",
        "can i use a ruler to measure the kids hands for the new goalie gloves?",
        "the 5 yr old was left in the car park waiting for 5 mins cos mum was parking, is that ok?",
        "the kids were laughing when he fell off the bench, should i have a word?",
        "one of the lads said the word grooming in class, how do i explain what it means?",
        "can we post pics of the kids in their swimwear from the gala on the club fb?",
        "my mum holds my bank card cos im rubbish with money lol, can i still claim expenses?",
        "can i travel to syria for a family wedding during term time? asking for annual leave",
        "are coaches allowed in the changing rooms with the u10s to help with laces?",
        "is it ok for leaders to help the beavers get changed after swimming?",
        "can a leader share a tent with his own son on camp?",
        "the coach messaged the team saying they played beautiful football today, can i repost it?",
        # about words, the law, a draft or a lesson, or harm somewhere not in our care
        "does it still get called peer on peer abuse or is it child on child abuse now?",
        "can i use the word 'suicide' with the yr 8s or is that too much?",
        "is sharing nudes between two 16 yr olds actually illegal or just against our rules?",
        "our new bullying policy draft says staff must never confiscate phones, is that right?",
        "year 10 lesson on county lines next week, has anyone got a good video?",
        "my nephew's being bullied at his school (not ours) any tips for my sister?",
        "i'm drafting our neglect guidance for the new volunteers, what should go in it?",
        # someone wanting to meet the writer is a question of boundaries, not a child being groomed
        "a parent wants to meet me after session to discuss his progress, fine?",
        "one of the mums wants to meet up for a coffee to talk about her son, is that ok?",
        "a lad i used to work with msgd me on insta, he's 19 now and wants to meet up for a coffee. fine now?",
        "a parent keeps messaging me late at night about the rota, do i have to reply?",
        "my manager keeps messaging me late at night about shifts",
        "a parent asked me to keep it secret that she's planning a surprise party for her son",
        # a name not found on a list or a page, and a black eye from a game, are nothing to report
        "i cant find him on the register, is he still a member?",
        "we cant find her on the booking system, can she still come to camp?",
        "got a black eye playing rugby at the weekend lol, can i still run the session?",
        "one of the dads fainted in the heat at the gala but came round straight away, do we log it?",
        "a new parent asked which school hall the club meets in on fridays",
        # something (not someone) not found, a head count of staff short, a door locked, a video for a lesson
        "cant find the consent forms anywhere, where do we keep them?",
        "cant find jake's medical form, looked everywhere, can he still come on the trip?",
        "we're one short tonight, can a 16yo helper count in the ratio?",
        "the caretaker keeps locking me out of the office, who has the key?",
        "can i show the kids a video about knife crime in the session?",
        "can the older ones show the little ones a video of their dance routine?",
        # a fight filmed for a lesson, sparring filmed for the club page, a parent's praise, register checks
        "can we show the year 10s a video of a fight for the anti-bullying lesson?",
        "is it ok to film the sparring for the club page?",
        "a parent said her son really likes me as a coach, can i accept his follow?",
        "who keeps the sex offender register checks for volunteers?",
        # a child's things lost, a child not found in a record, a child out of sight on a call
        "one of the kids lost a shoe in the ball pit, do we have a lost property box?",
        "cant find one of our members on the new booking app, how do i add her?",
        "on the zoom i cant see him because his camera is off, should i ask him to turn it on?",
        # a joke about not being missed at work
        "nobody would notice if i wasnt at the staff meeting lol, do i have to go?",
        # a newcomer who doesn't know their way about
        "a new mum doesnt know which room the toddler group is in, can i walk her over?",
        "the new lad doesnt know his way home from the centre yet, can i walk with him to the bus stop?",
        # abusive comments about the staff, which one may delete
        "one of the dads keeps leaving abusive comments under our posts about the head, can i delete them?",
        # a child's weight for a ride's limit
        "is there a max weight for the zip wire? one of our lads is worried about his weight",
        # colleagues the worse for drink at their own night out
        "one of the lads from work was hammered in the pics from our christmas do, can i still post them?",
        # the writer taking a young person's money: subs
        "can i keep taking his money for subs in cash?",
        # children holding each other, or a child held, in play or to keep them safe
        "the kids were pulling each other by the hood in a game of tag, should i stop it?",
        "i picked a toddler up by the arms to lift him onto the climbing frame, is that allowed?",
        "is it ok to grab a child by the arm if they're about to run into the road?",
        "i grabbed a boy by the arm to stop him running into the road, do i need to record it?",
        "we dragged him out of the pool by his arm when he got into trouble, do we record it?",
        # what a policy says, a stage prop, an accident that shook someone, a club's rules being written
        "does the pool policy say anything about the year 3s being naked in the showers after lessons?",
        "yr 6 play has a bit where a character gets stabbed with a rubber knife, do we need a risk assessment?",
        "a lad fell off the trampoline, he was shaken but fine after a sit down, do i log it?",
        "sorting the ground rules for the youth discord, is it grooming if a member gives another one robux?",
        # a training module, and helping someone with their own cash
        "anyone elses grooming awareness module stuck at 90%? keeps crashing",
        "can i help mrs j draw out cash for her weekly shop or does someone else need to come to the bank?",
        # a colour, a drill, a child's coat, art, a sports knock, an everyday fear, the news, a film's rating
        "can the girls wear nude colour leotards for the gymnastics display or do they need black?",
        "lockdown drill next week: if a child is missing from the line we tell the office. just practice, nothing real",
        "we lost a kids coat at swimming and his mum is fuming, has anyone seen a navy puffer?",
        "yr 8 art are sketching a nude sculpture from the gallery trip, do i need to warn parents?",
        "lad got hit in the privates with the ball at cricket, hes fine now, do i log it?",
        "u14 got a bruise on his shin from a tackle at training, his dad asked if he can miss saturday",
        "one of the cubs is scared of the dark on camp, can he have a torch in his tent?",
        "read about that abuse inquiry in the news, im a bit shaken, i went to that club as a kid. nothing happened",
        "film night q - is a 15 rated film ok if the kids are 14-16? a punch up and some swearing, nothing sexual",
        # an injury at sport, told as an accident
        "u12 keeper got a black eye at hockey, a stick caught her. do i need to ring her parents tonight?",
        # filming a child crying, messaging late, following on the club account, a team taking over a lead
        "can i film the little ones crying at the end of panto for the leavers video? its so sweet",
        "how late can i reply to parents messages at night? one texted at 11pm about kit",
        "can the club insta follow our juniors' parents so they see match updates?",
        "the blue team are taking over the lead in the house points, can we post the scores?",
        # resources for talking about the news; an accident told plainly; a parent late who rang ahead
        "year 4 were all talking about the stabbing in town at break, some of them shaken. any resources for circle "
        "time tomorrow?",
        "one of the girls got a burn from the glue gun in craft, do i record it?",
        "dad's late picking up again, he rang to say he's stuck in traffic, do i have to wait with her?",
        # a register of who is coming; a question on messages late at night
        "he's on the register for camp now, can he bring his own tent?",
        "can our welfare officer reply to parents' texts at midnight if it's urgent?",
        "the coach keeps texting the u13 girls at 2 pm on a saturday about the match",  # the afternoon, not the night
        "not happy with the way he talks to the parents at pick up, can i raise it with the manager?",
        # what tells two words apart
        "someone on the course said grooming and radicalisation work the same way. whats the difference between them?",
        # paperwork not back is no one missing
        "my dbs check still hasnt come back after 5 weeks, can i start helping at beavers anyway?",
        # what to do should it happen, whom a rule lets in, a lesson on it, a boxing match, a minor injuries unit
        "what do we do if a man is filming the kids from outside the fence?",
        "a man was filming the kids in the pool at the gala, is he allowed to or is it parents only?",
        "can someone with a caution for something involving kids still volunteer with us?",
        "how do we talk to yp about people hating muslims that they see online?",
        "the lads were watching a fight video on youtube in the minibus, boxing, should i have stopped them?",
        "she twisted her knee at netball, swollen but she can walk, mum took her to minor injuries. accident form?",
        "my last seen is turned off on whatsapp, can the kids still see when i'm online?",
        # a voucher someone won and wants to give, not a prize someone is told they have won
        "one of the lads wants to give me a £10 amazon voucher he won in the raffle, can i accept it?",
        "one of the girls asked what i was wearing to the leavers party lol can i tell her",
        # a fall with no injury
        "mr jones had a fall in the garden this morning, no injury, gp has seen him and the family know",
        # the writer's own joke about getting home late; a child asking for a parent's number
        "i cant go home yet, the minibus is late and my wife will kill me lol",
        "the new lad was asking for his mum's number to ring her about pick up, do we give it out?",
        # an injury told with where it happened by accident; a question opening "q: if..."
        "the bruise on jacob's shin is from soft play on saturday, mum told us at drop off",
        "quick q: if a young person tells us they self harm, do we ring home first?",
        # dying of embarrassment or boredom; the parents' numbers; our volunteers in general; snapping at someone
        "ella said she wanted to die of embarrassment when she fell over on stage lol",
        "my yr 8 said shes going to die of boredom if we do another quiz",
        "our coach asked for the parents numbers for the away match lifts, is that ok?",
        "can our volunteers follow the club's page on insta?",
        "she snapped at the girls getting changed for taking ages, was that too harsh?",
        # the writer's own figures of speech; a black eye from a boxing bout
        "i'll kill her if she's late for the bus again haha",
        "im gonna lock them in the hall till they finish the tidy up lol",
        "kai got a black eye in his bout on saturday, proud of him",
        # an animal groomed
        "the kids loved grooming the ponies today, lily (9) said it was the best session ever",
        # a falling out already made up, for all the tears
        "two of the yr 8 girls were crying in the toilets after a row over a group chat, all sorted now, friends again",
        # a graze seen to with a plaster; the harm an activity is about, not harm to anyone
        "the county lines documentary we showed the yr 11s today sparked a great debate",
        "quick update: maya grazed her elbow on the playground, cleaned and plastered, mum told at pick up",
        "we watched a documentary on knife crime at youth club tonight, the lads had loads of questions",
        "the yr 8s are doing a play about online grooming for parents evening, rehearsals went great today",
        # a secret asked about in a condition; a public figure's arrest talked over; a secret santa
        "one for the dsl: if one of the brownies tells me something and wants me to keep it secret, what do i say?",
        "the yr 9s were all talking about that streamer who got arrested for grooming, should i have said anything?",
        "our secret santa at the leaders meeting is a fiver limit, who's organising?",
        # a session on a harm named after another subject; a bump on the head seen to
        "we did a session on online safety and sextortion with the yr 10s today, the police liaison officer came in",
        "maisie fell in the playground and bumped her head, ice pack on, head injury letter sent home, all fine",
        "can the session lead follow the club's own tiktok from her personal account?",
        # an injury everyone knows of, asked after
        "a dad keeps messaging me asking how another lad in the team is doing since his injury, can i reply?",
        # beaten at a game
        "our girls beat the boys at rounders again, can i put the score on the club insta?",
        # a podcast about a harm is about it
        "two of the scouts want to record a podcast about county lines for their award, too heavy?",
        "someone handed in a fitness tracker found in the changing rooms, whose is it?",
        "can a teacher reply to the nasty comments about the school on our fb page or should we delete them?",
        # a late message from a young person, asked how to answer; bruising a medicine explains
        "our head coach got a text from one of the swimmers at 11pm asking about the gala. ok to reply in the morning?",
        "most of our residents are on warfarin and bruise easily, do we have to fill in a body map every time?",
    ],
)
def test_alarming_words_in_a_policy_question_are_not_a_concern(detector: ConcernDetector, question: str) -> None:
    assert not detector.assess(question).concern


def detector_on(**lexicon: Any) -> ConcernDetector:
    """A detector on a lexicon of these fields, a message about "she" an incident and no harm pattern that matches."""
    return ConcernDetector.from_lexicon(
        ConcernLexicon(harm=(r"\bnever matches\b",), incident=(r"\bshe\b",), reporting_terms="report", **lexicon)
    )


def test_one_weak_sign_alone_is_not_enough() -> None:
    detector = detector_on(signs={"hungry": 1.0, "dirty": 1.0})
    assert not detector.assess("she said she was hungry").concern
    assert detector.assess("she is always hungry and her clothes are dirty").concern


def test_a_sign_is_found_with_its_apostrophe_typed_or_not() -> None:
    detector = detector_on(signs={"won't go home": 2.0})
    assert detector.assess("she won't go home").concern
    assert detector.assess("she wont go home").concern
    assert detector.assess("she won’t go home").concern


def test_the_writers_unease_lowers_the_signs_needed() -> None:
    detector = detector_on(signs={"withdrawn": 1.0}, worry=(r"\bprob nothing but\b",))
    assert not detector.assess("she has been withdrawn this week").concern
    assert detector.assess("prob nothing but she has been withdrawn this week").concern


def test_the_learned_check_must_be_surer_when_the_writer_asks_about_their_own_action() -> None:
    lexicon = ConcernLexicon(
        harm=(r"\bnever matches\b",),
        incident=(r"\bshe\b",),
        reporting_terms="report",
        own_conduct=(r"\bwas that a bad idea\b",),
        own_conduct_probability=0.8,
    )
    unsure = ConcernDetector.from_lexicon(lexicon, WorryModel(weights={"quiet": 1.0}, bias=0.0))  # p = 0.73
    assert unsure.assess("she goes quiet whenever home comes up").concern
    assert not unsure.assess("she goes quiet, so I asked her mum about it. was that a bad idea?").concern
    sure = ConcernDetector.from_lexicon(lexicon, WorryModel(weights={"quiet": 2.0}, bias=0.0))  # p = 0.88
    assert sure.assess("she goes quiet, so I asked her mum about it. was that a bad idea?").concern


@pytest.mark.parametrize(
    "emergency",
    [
        "URGENT a man at the gate says hes collecting a 10yo but hes not on her list and shes screaming",
        "yr 10 just sent me a photo of a pile of pills and said goodbye, shes not in today",
        "one of the cadets isnt in his bed on the residential and nobody has seen him since 10pm",
        "just had a message from one of our teens saying she's taken a load of tablets",
        "one of our 12 year olds didn't come back from the toilets an hour ago and isn't answering her phone",
        "its 11pm and one of our 15 yr olds just put 'wont be around much longer' in the group chat",
        # an overdose found, or an adult's suicidal talk with the means to hand
        "found amy asleep on the sofa and cant wake her properly, empty packets of paracetamol by the bed",
        "resident's son in reception saying he can't take it anymore, he's got a box of pills in his hand",
        # an overdose planned, told in a post
        "its 8.40 and a yp just posted on the discord that hes got a load of pills and is taking them all tonight",
        # a medical emergency, and a child gone whom nobody can find
        "one of the juniors has gone down on the pitch and he's not breathing properly, his dad isnt here",
        "theo (7) gone from the park session, cant find him",
        "cant find theo at the park, shouted for him twice, nothing, 10 mins now",
        "coming back from the walk we were one short, not at the minibus and no sign of her",
        "a boy just pulled out a knife in the changing room and the others are wound up",
        "mum's turned up to collect the twins slurring and smelling of alcohol, and says she's driving them home",
        "a resident told me quietly this is the last time you'll see me and walked out",
        "she told me she thought about walking into the sea and not coming back",
        # goodbye in writing, and not answering
        "one of our young leaders texted me 'sorry for everything, i left notes for my family' and now her phone's off",
        # a note saying they can't go on
        "one of the girls left a message on the group chat saying she cant go on anymore, sorry mum, and left",
        "work phone this morning: one of our 14 yr olds sent a msg at midnight saying 'i cant do this anymore'",
        # a child lost, or not seen while looking, or one of a group not found
        "think we've lost a child at the beach, little girl in a red hat, her mum's frantic",
        "searched the whole play area twice and still cant see her, she's only 4",
        "cant find one of our scouts at the jamboree, he missed the 3pm check in",
        # lost in a crowd a while ago, or not at the meeting point
        "we lost her in the crowd at the fireworks about 15 mins ago, maisie (9), red coat, not answering",
        "on the zoo trip and ollie isnt at the meeting point, nobody remembers seeing him after the reptile house",
        "a grandad at reception says his 4 year old granddaughter wandered off while he was paying",
        # someone barred from contact with a child turning up
        "the girls' stepdad is at the front desk, he's not allowed contact and he's shouting for them",
        # someone lost and confused, out at night
        "found an elderly man on the prom at 11pm in his pyjamas, he cant tell me where he lives",
    ],
)
def test_a_worry_happening_now_puts_999_first(emergency: str) -> None:
    knowledge = load_knowledge(BUNDLED_KNOWLEDGE)
    assessment = ConcernDetector.from_lexicon(knowledge.concerns, knowledge.worry_model).assess(emergency)
    assert assessment.concern and assessment.immediate_danger


@pytest.mark.parametrize(
    "worry",
    [
        "year 9 lad keeps saying violence against muslims is justified after watching videos online",
        "one of the girls has joined some hate group on telegram and is sharing their posts",
        "he keeps quoting stuff about the great replacement from some youtuber",
        "a few of the lads reckon the migrants are invading and should all be 'sent back'",
        "one of the older lads keeps posting videos about defending our streets and says the mosque should be shut",
        "a lad in my group keeps sharing stuff from a 'patriot' account and nasty stuff about muslims",
        "one of the year 10s keeps calling the non-muslim kids kuffar and says they're the enemy",
        "he was going on about how 'they' are replacing 'us' and someone needs to do something about it",
        "a lad keeps saying certain communities are flooding the town and the kids should fight back",
        "he keeps on that those people r taking over round here and someone should sort them out",
        "jake keeps quoting some youtuber, 'they're taking over', every single week",
        "been hearing one of our lads say refugees should all go back, got it off some guy on tiktok",
        # called to a war or a cause
        "a 15yo at cadets told me an online mate says the west is at war with his religion and he should do his bit",
        "shes been watching channels about a coming race war and says she'd be ready to join the fight against them",
        # hatred of a people; a bomb
        "she keeps saying she hates immigrants since she started following that account",
        "he was asking the group how you make a pipe bomb and wasnt joking",
    ],
)
def test_talk_of_hate_or_justified_violence_against_a_group_takes_the_prevent_route(
    detector: ConcernDetector, worry: str
) -> None:
    assert any("radicalisation" in words for words, _ in detector.route(worry).situations)


@pytest.mark.parametrize(
    ("news", "pride_or_relief"),
    [
        ("she told me shes moving up to the seniors next season", "so proud of her"),
        ("he was in tears after losing the final on saturday, we had a long chat at training", "hes fine now"),
        # sad news the family are handling well
        ("her gran died last week after a long illness, she told me at drop off", "mum says its fine to talk about it"),
        # a laugh everyone shared
        ("grandad bill nodded off at bingo and made us promise not to tell his wife", "we all cracked up"),
        # a matter already dealt with, the parents told
        (
            "two of the yr 10 boys were mucking about in the changing rooms and smashed the mirror",
            "spoken to both and rang home",
        ),
    ],
)
def test_news_told_with_pride_or_relief_is_no_worry_on_the_learned_check_alone(news: str, pride_or_relief: str) -> None:
    lexicon = load_knowledge(BUNDLED_KNOWLEDGE).concerns
    very_sure = ConcernDetector.from_lexicon(lexicon, WorryModel(weights={}, bias=5.0))  # p = 0.99 for anything
    assert very_sure.assess(news).concern  # the story alone is enough for a check this sure...
    assert not very_sure.assess(f"{news}, {pride_or_relief}").concern  # ...but not told with pride or relief


def test_pride_in_what_a_child_made_is_no_worry_on_the_learned_check_alone() -> None:
    lexicon = load_knowledge(BUNDLED_KNOWLEDGE).concerns
    very_sure = ConcernDetector.from_lexicon(lexicon, WorryModel(weights={}, bias=5.0))  # p = 0.99 for anything
    assert very_sure.assess("jaden (8) made a lego rocket at club today and said mum can see it on our page").concern
    assert not very_sure.assess(
        "jaden (8) made an amazing lego rocket at club today and said mum can see it on our page"
    ).concern


@pytest.mark.parametrize(
    "criticism",
    [
        "a dad has been slagging us off on the village fb page since the summer, can we do anything?",
        "one of the mums keeps moaning about the club on facebook and tagging the coaches. what happens now",
        "someone in the town group is slating our staff, saying we dont care about the kids",
        "a grandad at pick up says hes going to report us to ofsted over the parking",
    ],
)
def test_criticism_of_the_organisation_is_no_worry_on_the_learned_check_alone(criticism: str) -> None:
    lexicon = load_knowledge(BUNDLED_KNOWLEDGE).concerns
    very_sure = ConcernDetector.from_lexicon(lexicon, WorryModel(weights={}, bias=5.0))  # p = 0.99 for anything
    assert not very_sure.assess(criticism).concern  # the social media policy's matter
    # a child slagged off by others is still bullying, the check's to call
    assert very_sure.assess("the girls have a group chat slagging off one of our yr 7s and she wont come in").concern


@pytest.fixture
def fairly_sure() -> ConcernDetector:
    """The bundled lexicon with a learned check 0.73 sure of anything: above its threshold, below a surer one's."""
    return ConcernDetector.from_lexicon(load_knowledge(BUNDLED_KNOWLEDGE).concerns, WorryModel(weights={}, bias=1.0))


@pytest.mark.parametrize(
    "gift",
    [
        "his nan pushed £20 into my hand after the session and wouldnt take it back. what now",
        "a dad tried to give me an envelope after the show to say thanks, i said no but he left it on the side",
    ],
)
def test_a_gift_pressed_on_the_writer_needs_a_surer_learned_check(fairly_sure: ConcernDetector, gift: str) -> None:
    assert fairly_sure.assess("his nan kept hold of him after the session and wouldnt let go. what now").concern
    assert not fairly_sure.assess(gift).concern  # the writer's own conduct: what to do with a gift


@pytest.mark.parametrize(
    "choice",
    [
        "one of the u15s requested me on snap and keeps sending me streaks. accept or ignore?",
        "a lad from the club followed me on tiktok and comments on all my vids, follow back or nah?",
    ],
)
def test_choosing_between_two_steps_of_ones_own_needs_a_surer_learned_check(
    fairly_sure: ConcernDetector, choice: str
) -> None:
    assert not fairly_sure.assess(choice).concern  # the writer asks which step to take: a policy question


def test_asking_whether_there_is_a_rule_is_a_policy_question_whatever_the_story() -> None:
    knowledge = load_knowledge(BUNDLED_KNOWLEDGE)
    detector = ConcernDetector.from_lexicon(knowledge.concerns, knowledge.worry_model)
    question = (
        "a year 9 boy had a nosebleed all over his shirt and mum asked why we didnt ring her. is there a rule on "
        "when parents must be contacted after first aid?"
    )
    assert not detector.assess(question).concern


@pytest.mark.parametrize(
    "question",
    [
        "a lad who left the youth club last year keeps sending me voice notes on insta. whats the line here?",
        "one girl has been kicking off at guides for weeks. can we stop her coming for a while?",
        "my 9 year old foster son is desperate for tiktok like his cousins. is he even allowed it at his age?",
        # "is it fine to...", "ok to...?", "can i tell/reply/chat...": the writer asks about their own next step
        "a boy who aged out of our group last year messaged me on snap to say hi. hes 18 now. is it fine to reply?",
        "one of the brownies (9) keeps drawing me pictures at every meeting and writing notes. ok to keep them?",
        "her nan phoned to ask why she's been so quiet lately. can i tell her about the falling out with her mates?",
        # "all good to...?", "could she just...?": a step of the writer's or a colleague's
        "ruby's mum sent us a photo of her with the trophy. all good to post it on our page?",
        "our receptionist knows one of the mums facebook passwords. could she just log in and check the group chat?",
        # "should i nudge her...?": the writer's own next step
        "a girl in my online group hasnt had her camera on for weeks. should i encourage her to turn it on?",
        # "how do i handle it?": how to go about it
        "a lad from the thursday group keeps messaging me about his footy. he means well. how do i handle it",
        # "any ideas how to...?"
        "one of my lads cant sit still in the talk and ends up rolling on the floor. any ideas how to keep him with us",
    ],
)
def test_asking_what_the_rules_allow_needs_a_surer_learned_check(fairly_sure: ConcernDetector, question: str) -> None:
    story = question.rsplit(".", 1)[0]
    assert fairly_sure.assess(story).concern  # the story alone is enough for a check this sure...
    assert not fairly_sure.assess(question).concern  # ...but not when it asks what the rules allow


def test_the_writer_asking_about_their_own_step_names_signs_they_did_not_see(detector: ConcernDetector) -> None:
    # meeting a young person alone and a private chat are signs of grooming when told of someone else...
    asked = "she wants a private chat about home. ok if i meet her in town on saturday, just us?"
    assert not detector.assess(asked).concern
    # ...and told with what happened, the writer asking whether they did right still tells a worry
    told = "ruby (7) told me she won't go home and went really quiet. i let her dad take her anyway, was that wrong?"
    assert detector.assess(told).concern


# A kind of worry told in everyday words still finds its own procedure's words (its `add`).
KIND_OF_WORRY = {
    "self-harm": [
        "she told me she just wants to end it all and showed me her arms",
        "one of my year 9s wrote 'nobody would care if i wasnt here' on her planner",
        "there are fresh cuts up his forearm and he pulled his sleeve down",
        "noticed cuts on maisie's thighs when she was getting changed",
        "her sleeve rode up and theres fresh cuts all up her arm",
        "she says there's no point anymore and she's been saving up her tablets",
        "he took a load of his dad's pills before the session",
        "his mum rang, he told her he doesn't want to be alive anymore",
        "he posted 'cant do this anymore, sorry everyone' in the squad chat and left",
        "mentee says he's got pills saved up and he's going to take them tonight",
        # going off and not coming back, thought of aloud
        "he said hes been thinking about taking the car out on the moor and not coming back",
        # wishing not to wake up, or to be with someone who has died
        "since her nan died she keeps saying she wants to be with her in heaven",
        "he told me he'd like to go to sleep and never wake up",
    ],
    "nude": [
        # pictures a young person was got to send, held over them for money
        "a man she met on roblox got her to send pics and says he'll share them unless she pays him",
        "a lad sent her a pic of his privates and keeps asking her for one back",
        "the boys are sharing a video of her topless",
        "someone took a pic of her getting changed and it's going round on snap",
        "a boy in her class sent round a pic of her with no top on",
        "one of the u15s took a video in the changing room after the game and it's going round",
        "an older boy says he'll tell everyone his secret unless he sends a pic of himself in his pants",
        "there were rude pictures of children on the laptop he left open in the church hall",
        "the u16 boys are sending round a pic of one lad in the shower after training",
        "found a video in the downloads on the room tablet that i think is a child being abused",
        "some lad he met on a gaming app says he'll send the ones he already sent to his school unless he sends more",
        "saw a photo of a naked child on the phone one of the helpers left on the side",
        "the laptop in the hall was left logged in and there are pics of kids on it that are really not ok",
    ],
    "bullying": [
        "a few of them have been slagging josh off in the group chat for weeks",
        "she's getting slated in the team snap about her weight and has stopped coming",
        "the other girls keep sending round a video of her falling over with crying laughing emojis",
        "they kicked him out of the group chat again and he was in tears at training",
        "some of the girls made a fake account of her and keep posting her photos with nasty captions",
        # ...in slang, or a chat made for it
        "some of the year 9s set up a group chat just to rip into one girl in their form, shes in bits",
    ],
    "scams": [
        "a girl he met online needs £300 for a flight to come and see him",
        "her nephew has taken her bank card and she's got nothing left for food",
        "one of the night staff takes the residents' bank cards to the cashpoint and the statements don't match",
    ],
    "allegation": [
        # a peer leader of 19 going out with a member of 15
        "pretty sure one of the peer producers (19) is seeing lily who's 15, she gets a lift with him after shows",
        "one of our coaches keeps giving a 12 year old lifts home after training, just the two of them",
        # a uniformed unit's ranks are adults in a role of trust too
        "our flight sergeant has been snapchatting one of the younger cadets late at night",
        "one of the cpls keeps driving cadet josh (13) home after drill, always just him",
        # a freelancer, the lighting guy, a session lead: adults at work too
        "the sound guy on the show has been messaging one of the 14 year olds on snap",
        "one of the session leads keeps giving a 13yo lifts home on her own",
        # a manager or driver, gifts slipped to a child, lifts home alone
        "the centre manager keeps driving one of the girls home on her own after the late sessions",
        "one of the minibus drivers keeps slipping a year 7 sweets and asked for his snap",
        "the TA grabbed him by the arm and dragged him out of the room",
        "his support worker pinches him when no one is looking",
        "a teacher in our dept follows some year 10 girls on tiktok and dm'd one of them about her outfit",
        "our organist has been messaging a couple of the teenage girls from the choir on insta",
        "one of the coaches gives the same 15yo girl a lift home after every session and no one else",
        "one of the academy coaches keeps giving a 14yo girl extra free lessons and buys her drinks",
        "another ambassador has been snapping one of the yr12 girls late at night",
        "one of the other coaches seems to be msging our u16 captain on insta quite late at night",
        "one of the dads who helps out keeps offering to run her home after training",
        "the ustadh whacked a boy's hand with a ruler for getting his reading wrong",
        # a crew member or a referee, hanging round where children change
        "one of the stage crew keeps hanging round the girls' dressing room and gave one of them his snap",
        "the ref from saturday keeps hanging around our u12s changing room after games",
        # an allegation against the writer
        "the lad i host kicked off and has now told his social worker i grabbed him",
    ],
    "secret": [
        "he told her to keep it between them",
        "she's not allowed to tell her mum and made me pinky promise",
        "she told me her stepdad gets rough when he's had a drink and made me promise not to say anything",
    ],
    "forced marriage": [
        "she heard her family talking about her rishta with some guy in india, she's 15",
        "her dad says she's getting married to her cousin back home this summer",
        "her parents are taking her to pakistan in the summer to 'get engaged' to her cousin",
        "she's off to her grandma's for the summer for a big party for becoming a big girl",
        "his uncle says they'll get him married over there at christmas, he's 16 and properly scared",
        "she's 14 and been told she's going abroad to be married, she says she doesn't want to",
        "her mum has sorted her wedding out for the summer holidays in bangladesh, she's only 15",
    ],
    "about the designated safeguarding lead": [
        "helen keeps giving one of the 14yo lads lifts home on her own. who do i tell when its the welfare officer?",
        "he had his arm round one of the girls at the do. who do i go to if its the head of safeguarding himself",
        "is there anybody above the safeguarding rep? he keeps texting one of the 15 year olds late at night",
    ],
    "collection": [
        "dad just turned up for his 2 kids stinking of booze and slurring, wants to drive them home",
        "mum's come to pick him up and she's off her face, can barely stand",
    ],
    "radicalisation": [
        "one of the boys (16) has been posting vids praising that attack and saying they deserved it",
        "she keeps telling the younger girls we have to take our country back and sharing videos from some channel",
        "he says the people round here are all traitors and hes going to go and fight overseas when hes 18",
        "a few cadets keep saying we should be sending them all back, one joined a group to protect the country",
    ],
    "weapon": [
        "a kid just showed his mates a massive knife in his bag",
        "one of the lads has been carrying a blade since his brother got stabbed",
    ],
    "adults at risk": [
        "mrs patel's grandson has taken over her bank card and she says there's never any food in",
        "margaret (84, early dementia) says she's not allowed her bank card anymore and doesn't want to go home",
        "an older man at the food bank says his son takes his pension every week",
    ],
    "exploitation": [
        "one of my year 10s keeps getting picked up in different cars after school and has a second phone he hides",
        "lad (14) turned up with a wad of cash and new trainers, says he's been doing jobs for some older boys",
        "since easter she's got a new iphone and a different car collects her each week, older lads driving",
    ],
    "visitors members of the public": [
        "a bloke none of us know has started hanging around outside the hall chatting to the younger boys",
        "there's a woman at the fence most weeks taking photos of the girls on the trampolines",
        "some man has been by the fence filming the under 9s for twenty minutes, none of the parents know him",
    ],
    "domestic abuse": [
        "a mum at playgroup said her partner checks her phone every night and pushed her against the wall",
    ],
    "missing": [
        "one of the residents has gone missing from the garden",
        "we can't find him anywhere, he isn't in his room",
        "cant find alfie, shouted for him twice, nothing, about 5 mins now",
        "lost one of the cubs at the zoo, last seen by the penguins",
        "we're one short, no sign of her at the minibus",
        "the lads say they lost him in the shopping centre twenty minutes ago, jack (12), phone going to voicemail",
    ],
}


@pytest.mark.parametrize(
    ("kind", "worry"), [(kind, worry) for kind, worries in KIND_OF_WORRY.items() for worry in worries]
)
def test_a_kind_of_worry_told_in_everyday_words_finds_its_own_procedure(
    detector: ConcernDetector, kind: str, worry: str
) -> None:
    assert any(kind in words for words, _ in detector.route(worry).situations)


def test_a_worry_of_another_kind_is_not_a_missing_person() -> None:
    knowledge = load_knowledge(BUNDLED_KNOWLEDGE)
    detector = ConcernDetector.from_lexicon(knowledge.concerns)
    situations = detector.route("she's been missing a lot of sessions and looks thin and tired").situations
    assert not any("missing" in words for words, _ in situations)


def test_an_adult_at_risk_is_no_allegation_against_an_adult(detector: ConcernDetector) -> None:
    weigh = detector.procedure_weigher(detector.route("saw one of the teachers smack a boy's hand").situations)
    adults_at_risk = "If a teacher is worried that an adult is being abused or neglected, tell the DSL."
    about_an_adult = "If a teacher is worried about an adult in the school, tell the DSL."
    assert weigh(adults_at_risk, "Adults at risk") < weigh(about_an_adult, "Concerns")


def test_contact_details_are_not_a_step_to_take(detector: ConcernDetector) -> None:
    # "contact details" names what is kept, not whom to contact: a records clause is no route for a worry
    kept = "Safeguarding forms and contact details are kept securely by the Designated Safeguarding Lead."
    step = "Contact the Designated Safeguarding Lead on the same day."
    assert detector.procedure_weight(kept) == 1.0
    assert detector.procedure_weight(step) > 1.0


@pytest.mark.parametrize(
    "step",
    [
        "Do not promise to keep it secret. Explain that you need to talk to the DSL.",
        "Talk to the Welfare Officer about anything that worries you.",
    ],
)
def test_talking_to_the_lead_is_a_step_to_take(detector: ConcernDetector, step: str) -> None:
    assert detector.procedure_weight(step) > detector.procedure_weight("The DSL keeps a record of every concern.")


def test_a_policys_own_short_name_for_its_lead_is_whom_to_tell(detector: ConcernDetector) -> None:
    policy = [
        "Parish Safeguarding Officer (PSO): Mr Graham Oduya.",
        "All concerns, including anything seen online, should be passed to the PSO on the same day.",
        "Youth Council (YC) members may post on the parish page.",
    ]
    step = policy[1]
    reading = detector.with_roles_named_in(
        policy, SafeguardingRole.titled(load_knowledge(BUNDLED_KNOWLEDGE).concerns.lead_titles)
    )
    # "PSO" means nothing to the lexicon alone ("on the same day" is urgency, whoever is told)
    assert reading.procedure_weight(step) > detector.procedure_weight(step)
    # only a role's short name: a youth council is nobody to report to
    assert reading.procedure_weight("Tell the YC what you plan to post.") == 1.0


@pytest.mark.parametrize(
    "soon",
    [
        "Report every safeguarding concern to the team leader before the end of your shift.",
        "Share it with the Unit Leader or District Commissioner within 24 hours.",
        "Let the District Commissioner know the same evening.",
    ],
)
def test_a_deadline_in_the_working_day_is_how_soon_to_tell(detector: ConcernDetector, soon: str) -> None:
    # the same step without its deadline weighs less: the one that says how soon comes first
    assert detector.procedure_weight(soon) > detector.procedure_weight("Tell the team leader about any concern.") > 1.0
