// The faults the demo's log book records, as ICT officers write them in the Service Maintenance Log
// Book: the user's complaint in their words, the officer's diagnosis and the work done, with the parts
// and their prices in shillings. Each kind of device has its own; the weights say how often each comes.
import type { Outcome } from '../maintenance/contract.ts';

/** A part as the job card lists it: name, unit cost in TZS, and how many a repair takes. */
export type Part = readonly [name: string, unitCostTzs: number, quantity?: number];

export interface Fault {
  /** The complaint, one of several phrasings (users describe the same fault differently). */
  symptoms: readonly string[];
  diagnosis: string;
  /** The work done; blank for a fault that was not one (no work, only the reason). */
  actions: string;
  outcome: Extract<Outcome, 'repaired' | 'part_replaced' | 'beyond_repair' | 'no_fault'>;
  parts?: readonly Part[];
  /** Needs a provider's workshop: sent off the premises when the device can leave (3.6.2, 3.6.3). */
  workshop?: boolean;
  weight: number;
}

const OS_AND_VIRUS: Fault[] = [
  {
    symptoms: ['Windows haiwaki; inaonyesha "Automatic Repair" kila mara.', 'Kompyuta inaonyesha skrini ya bluu (blue screen) mara kwa mara.'],
    diagnosis: 'Mfumo wa uendeshaji (Windows) umeharibika.',
    actions: 'Data ya mtumiaji imehifadhiwa, Windows imesimikwa upya pamoja na antivirus na programu za ofisi.',
    outcome: 'repaired',
    weight: 12,
  },
  {
    symptoms: ['Kompyuta ina virusi; mafaili kwenye flash yamegeuka shortcut.', 'Matangazo yanajitokeza yenyewe na kompyuta ni nzito.'],
    diagnosis: 'Kompyuta imeambukizwa virusi (malware).',
    actions: 'Uchunguzi kamili wa antivirus umefanyika, virusi vimeondolewa na antivirus imesasishwa.',
    outcome: 'repaired',
    weight: 8,
  },
];

const DESKTOP: Fault[] = [
  {
    symptoms: ['Kompyuta haiwaki kabisa; hata taa ya power haiwaki.', 'Kompyuta haiwashi. Ilizima ghafla umeme ulipokatika.'],
    diagnosis: 'Power supply (PSU) imeungua.',
    actions: 'PSU imebadilishwa; kompyuta imewashwa na kupimwa.',
    outcome: 'part_replaced',
    parts: [['Power supply 300W', 145_000]],
    weight: 10,
  },
  {
    symptoms: ['Kompyuta inawaka lakini skrini haionyeshi kitu.', 'Skrini nyeusi; kompyuta inatoa milio (beep) mitatu inapowashwa.'],
    diagnosis: 'RAM imeharibika; milio mitatu ni hitilafu ya RAM.',
    actions: 'RAM imebadilishwa na kompyuta imepimwa.',
    outcome: 'part_replaced',
    parts: [['RAM 8GB DDR4', 115_000]],
    weight: 6,
  },
  {
    symptoms: ['Kompyuta inawaka lakini haionyeshi kitu kwenye skrini.'],
    diagnosis: 'RAM ilikuwa imelegea kwenye slot.',
    actions: 'RAM imesafishwa na kuchomekwa upya; kompyuta imepimwa.',
    outcome: 'repaired',
    weight: 5,
  },
  {
    symptoms: ['Kompyuta ni nzito sana; inachukua dakika 10 kuwaka.', 'Kompyuta inakwama kila mara, hasa ukifungua mafaili makubwa.'],
    diagnosis: 'Diski (HDD) ina bad sectors; SMART inaonyesha hitilafu.',
    actions: 'HDD imebadilishwa na SSD 256GB; Windows na programu zimesimikwa upya na data imehamishwa.',
    outcome: 'part_replaced',
    parts: [['SSD 256GB', 150_000]],
    weight: 8,
  },
  {
    symptoms: ['Kompyuta inajizima yenyewe baada ya muda mfupi.', 'Feni inapiga kelele na kompyuta inapata joto kali.'],
    diagnosis: 'Feni ya CPU imejaa vumbi; joto linazidi.',
    actions: 'Usafishaji wa ndani; feni imesafishwa na thermal paste mpya imewekwa.',
    outcome: 'repaired',
    weight: 10,
  },
  ...OS_AND_VIRUS,
  {
    symptoms: ['Kibodi haiandiki baadhi ya herufi.', 'Kibodi imemwagikiwa chai; baadhi ya vitufe havifanyi kazi.'],
    diagnosis: 'Kibodi imeharibika.',
    actions: 'Kibodi mpya ya USB imewekwa.',
    outcome: 'part_replaced',
    parts: [['Kibodi ya USB', 25_000]],
    weight: 5,
  },
  {
    symptoms: ['Mouse haifanyi kazi.', 'Mshale wa mouse unarukaruka kwenye skrini.'],
    diagnosis: 'Mouse imeharibika.',
    actions: 'Mouse mpya ya USB imewekwa.',
    outcome: 'part_replaced',
    parts: [['Mouse ya USB', 15_000]],
    weight: 4,
  },
  {
    symptoms: ['Saa na tarehe ya kompyuta zinarudi nyuma kila inapowashwa.'],
    diagnosis: 'Betri ya CMOS imeisha.',
    actions: 'Betri ya CMOS (CR2032) imebadilishwa na muda umewekwa.',
    outcome: 'part_replaced',
    parts: [['Betri ya CMOS CR2032', 5_000]],
    weight: 3,
  },
  {
    symptoms: ['Skrini (monitor) inaonyesha mistari wima.', 'Monitor haiwaki ingawa kompyuta inafanya kazi.'],
    diagnosis: 'Monitor imeharibika (backlight).',
    actions: 'Monitor mbadala imewekwa; iliyoharibika imehifadhiwa stoo.',
    outcome: 'part_replaced',
    parts: [['Monitor 22"', 280_000]],
    weight: 4,
  },
  {
    symptoms: ['Mtumiaji hawezi kuingia kwenye mtandao (internet).', 'Kompyuta haioni mtandao wa ofisi.'],
    diagnosis: 'Hakuna hitilafu kwenye kifaa; waya wa mtandao ulikuwa umechomolewa ukutani.',
    actions: '',
    outcome: 'no_fault',
    weight: 6,
  },
  {
    symptoms: ['Kompyuta haichapishi.'],
    diagnosis: 'Hakuna hitilafu kwenye kompyuta; printa ilikuwa haijachaguliwa kama default. Mtumiaji ameelekezwa.',
    actions: '',
    outcome: 'no_fault',
    weight: 3,
  },
  {
    symptoms: ['Kompyuta haiwaki; taa ya ubao mama inawaka na kuzima.'],
    diagnosis: 'Motherboard ina hitilafu (capacitors zimevimba); inahitaji fundi maalumu.',
    actions: 'Capacitors za motherboard zimebadilishwa na mtoa huduma; kompyuta imepimwa baada ya kurudi.',
    outcome: 'part_replaced',
    parts: [['Matengenezo ya motherboard (capacitors)', 180_000]],
    workshop: true,
    weight: 3,
  },
  {
    symptoms: ['Ubao mama (motherboard) umeungua baada ya radi; kompyuta haiwaki.', 'Kompyuta haiwaki baada ya hitilafu ya umeme; inatoa harufu ya kuungua.'],
    diagnosis: 'Motherboard na PSU vimeungua; gharama ya kutengeneza inazidi thamani ya kompyuta.',
    actions: 'Tathmini imefanywa na mtoa huduma; kompyuta inapendekezwa kuondoshwa.',
    outcome: 'beyond_repair',
    workshop: true,
    weight: 2,
  },
];

const LAPTOP: Fault[] = [
  {
    symptoms: ['Betri haishiki chaji; laptop inazima ukichomoa chaja.', 'Betri imevimba na kifuniko cha chini kimeinuka.'],
    diagnosis: 'Betri imeharibika.',
    actions: 'Betri mpya imewekwa na kupimwa.',
    outcome: 'part_replaced',
    parts: [['Betri ya laptop', 190_000]],
    weight: 12,
  },
  {
    symptoms: ['Laptop haichaji.', 'Chaja inapata joto na laptop haichaji.'],
    diagnosis: 'Chaja (adapter) imeharibika.',
    actions: 'Chaja mpya imetolewa na kupimwa.',
    outcome: 'part_replaced',
    parts: [['Chaja ya laptop 65W', 75_000]],
    weight: 8,
  },
  {
    symptoms: ['Skrini imevunjika.', 'Skrini ina mistari na madoa meusi.'],
    diagnosis: 'Skrini (LCD panel) imeharibika.',
    actions: 'Skrini mpya imewekwa na mtoa huduma; imepimwa.',
    outcome: 'part_replaced',
    parts: [['Skrini ya laptop 14"', 380_000]],
    workshop: true,
    weight: 8,
  },
  {
    symptoms: ['Skrini inawaka na kuzima ukifunga na kufungua laptop.'],
    diagnosis: 'Waya wa skrini (LCD cable) umelegea.',
    actions: 'Waya umebadilishwa; skrini imepimwa saa 2.',
    outcome: 'part_replaced',
    parts: [['LCD cable', 65_000]],
    workshop: true,
    weight: 5,
  },
  {
    symptoms: ['Kibodi haiandiki baadhi ya herufi.', 'Laptop ilimwagikiwa maji; kibodi haifanyi kazi.'],
    diagnosis: 'Kibodi ya laptop imeharibika.',
    actions: 'Kibodi mpya imewekwa.',
    outcome: 'part_replaced',
    parts: [['Kibodi ya laptop', 95_000]],
    weight: 6,
  },
  {
    symptoms: ['Bawaba (hinge) imevunjika; skrini inalegea.'],
    diagnosis: 'Hinge ya kushoto imevunjika.',
    actions: 'Hinge zote mbili zimebadilishwa.',
    outcome: 'part_replaced',
    parts: [['Hinge za laptop (jozi)', 60_000]],
    workshop: true,
    weight: 4,
  },
  {
    symptoms: ['Laptop inaonyesha "No bootable device".'],
    diagnosis: 'SSD imeharibika.',
    actions: 'SSD mpya imewekwa; Windows na programu zimesimikwa upya.',
    outcome: 'part_replaced',
    parts: [['SSD 512GB', 210_000]],
    weight: 5,
  },
  ...OS_AND_VIRUS,
  {
    symptoms: ['Laptop inapata joto kali na kujizima.'],
    diagnosis: 'Feni imeziba kwa vumbi.',
    actions: 'Feni imesafishwa na thermal paste mpya imewekwa.',
    outcome: 'repaired',
    weight: 6,
  },
  {
    symptoms: ['Laptop haiunganishi na Wi-Fi.'],
    diagnosis: 'Driver ya Wi-Fi iliondolewa na sasisho (update) la Windows.',
    actions: 'Driver ya Wi-Fi imesimikwa upya; laptop imeunganishwa.',
    outcome: 'repaired',
    weight: 5,
  },
  {
    symptoms: ['Laptop haiwaki.'],
    diagnosis: 'Hakuna hitilafu; betri ilikuwa imeisha chaji kabisa. Imechajiwa na kuwaka.',
    actions: '',
    outcome: 'no_fault',
    weight: 3,
  },
  {
    symptoms: ['Laptop ilianguka; haiwaki na ubao mama umepasuka.'],
    diagnosis: 'Motherboard imeharibika; gharama ya kutengeneza inazidi thamani ya laptop.',
    actions: 'Tathmini imefanywa na mtoa huduma; laptop inapendekezwa kuondoshwa.',
    outcome: 'beyond_repair',
    workshop: true,
    weight: 2,
  },
];

const SERVER: Fault[] = [
  {
    symptoms: ['Seva inaonyesha taa ya njano kwenye diski ya pili.', 'Onyo la RAID: diski moja imeharibika.'],
    diagnosis: 'Diski moja ya RAID imeharibika (predictive failure).',
    actions: 'Diski imebadilishwa; RAID imejengwa upya (rebuild) na kuthibitishwa.',
    outcome: 'part_replaced',
    parts: [['Diski ya seva 2TB SAS', 1_150_000]],
    weight: 10,
  },
  {
    symptoms: ['Seva imejizima usiku; mifumo haipatikani asubuhi.'],
    diagnosis: 'Power supply moja ya seva imeharibika.',
    actions: 'PSU imebadilishwa; seva imewashwa na huduma zote zimekaguliwa.',
    outcome: 'part_replaced',
    parts: [['Power supply ya seva 750W', 1_400_000]],
    weight: 6,
  },
  {
    symptoms: ['Seva ni nzito; mifumo inachelewa kujibu.'],
    diagnosis: 'Moduli moja ya RAM ina hitilafu za ECC.',
    actions: 'Moduli ya RAM ya 32GB imebadilishwa.',
    outcome: 'part_replaced',
    parts: [['RAM ya seva 32GB ECC', 850_000]],
    weight: 5,
  },
  {
    symptoms: ['Joto la chumba cha seva limepanda; seva inatoa onyo.'],
    diagnosis: 'Kiyoyozi cha chumba cha seva kimezimika; feni za seva zimejaa vumbi.',
    actions: 'Feni zimesafishwa; kiyoyozi kimeripotiwa kwa kitengo cha majengo na kimewashwa.',
    outcome: 'repaired',
    weight: 4,
  },
  {
    symptoms: ['Backup ya usiku haikufanyika.'],
    diagnosis: 'Hakuna hitilafu ya kifaa; nafasi ya diski ya backup ilikuwa imejaa.',
    actions: '',
    outcome: 'no_fault',
    weight: 3,
  },
];

const PRINTER: Fault[] = [
  {
    symptoms: ['Printa inakwama karatasi kila ukurasa.', 'Karatasi zinaingia mbili mbili na kukwama.'],
    diagnosis: 'Roller za kuvuta karatasi zimechakaa.',
    actions: 'Roller zimebadilishwa na printa imesafishwa.',
    outcome: 'part_replaced',
    parts: [['Pickup roller kit', 95_000]],
    weight: 12,
  },
  {
    symptoms: ['Printa inachapisha kurasa zenye madoa na mistari.', 'Maandishi yanafutika ukiyagusa.'],
    diagnosis: 'Fuser unit imeharibika.',
    actions: 'Fuser unit imebadilishwa.',
    outcome: 'part_replaced',
    parts: [['Fuser unit', 420_000]],
    weight: 8,
  },
  {
    symptoms: ['Printa inaonyesha "Toner low" na kurasa ni hafifu.'],
    diagnosis: 'Toner imeisha.',
    actions: 'Toner mpya imewekwa.',
    outcome: 'part_replaced',
    parts: [['Toner cartridge', 210_000]],
    weight: 14,
  },
  {
    symptoms: ['Kurasa zina mstari mweusi wima.'],
    diagnosis: 'Drum unit imechakaa.',
    actions: 'Drum unit imebadilishwa.',
    outcome: 'part_replaced',
    parts: [['Drum unit', 260_000]],
    weight: 6,
  },
  {
    symptoms: ['Printa haionekani kwenye mtandao.', 'Kompyuta za idara haziwezi kuchapisha.'],
    diagnosis: 'Anwani ya IP ya printa imebadilika baada ya umeme kukatika.',
    actions: 'IP ya kudumu (static) imewekwa na kompyuta za idara zimeunganishwa upya.',
    outcome: 'repaired',
    weight: 10,
  },
  {
    symptoms: ['Printa inaonyesha hitilafu "49 Service error".'],
    diagnosis: 'Firmware ya printa imeharibika.',
    actions: 'Firmware imesasishwa na printa imepimwa.',
    outcome: 'repaired',
    weight: 4,
  },
  {
    symptoms: ['Printa inasema "Paper jam" lakini hakuna karatasi inayoonekana.'],
    diagnosis: 'Kipande cha karatasi kimekwama ndani karibu na fuser.',
    actions: 'Kipande cha karatasi kimeondolewa; printa imesafishwa na kupimwa.',
    outcome: 'repaired',
    weight: 6,
  },
  {
    symptoms: ['Printa haichapishi.'],
    diagnosis: 'Hakuna hitilafu; printa ilikuwa imezimwa kwenye soketi.',
    actions: '',
    outcome: 'no_fault',
    weight: 4,
  },
  {
    symptoms: ['Printa inawaka lakini haipokei kazi.'],
    diagnosis: 'Formatter board imeharibika.',
    actions: 'Formatter board imebadilishwa na mtoa huduma.',
    outcome: 'part_replaced',
    parts: [['Formatter board', 280_000]],
    workshop: true,
    weight: 3,
  },
  {
    symptoms: ['Printa haiwaki; bodi ya umeme imeungua.'],
    diagnosis: 'Bodi ya umeme na formatter zimeungua; vipuri havipatikani tena.',
    actions: 'Tathmini imefanywa na mtoa huduma; printa inapendekezwa kuondoshwa.',
    outcome: 'beyond_repair',
    workshop: true,
    weight: 2,
  },
];

const SCANNER: Fault[] = [
  {
    symptoms: ['Skana inavuta karatasi nyingi kwa pamoja.'],
    diagnosis: 'Roller za skana zimechakaa.',
    actions: 'Roller kit imebadilishwa.',
    outcome: 'part_replaced',
    parts: [['Roller kit ya skana', 210_000]],
    weight: 8,
  },
  {
    symptoms: ['Picha za skana zina mistari.'],
    diagnosis: 'Kioo cha skana ni kichafu.',
    actions: 'Kioo na sensa vimesafishwa.',
    outcome: 'repaired',
    weight: 6,
  },
  {
    symptoms: ['Skana haionekani kwenye kompyuta.'],
    diagnosis: 'Driver ya skana imeharibika baada ya sasisho.',
    actions: 'Driver imesimikwa upya na skana imepimwa.',
    outcome: 'repaired',
    weight: 5,
  },
  {
    symptoms: ['Skana haifanyi kazi.'],
    diagnosis: 'Hakuna hitilafu; waya wa USB ulikuwa umechomolewa.',
    actions: '',
    outcome: 'no_fault',
    weight: 2,
  },
];

const UPS: Fault[] = [
  {
    symptoms: ['UPS inalia mfululizo na haihifadhi umeme.', 'Umeme ukikatika kompyuta inazima papo hapo ingawa ipo kwenye UPS.'],
    diagnosis: 'Betri za UPS zimekwisha muda.',
    actions: 'Betri mbili za 12V 9Ah zimebadilishwa.',
    outcome: 'part_replaced',
    parts: [['Betri 12V 9Ah', 85_000, 2]],
    weight: 20,
  },
  {
    symptoms: ['UPS haiwaki.'],
    diagnosis: 'Fuse ya ndani imeungua.',
    actions: 'Fuse imebadilishwa; UPS imepimwa.',
    outcome: 'part_replaced',
    parts: [['Fuse 10A', 3_000]],
    weight: 4,
  },
  {
    symptoms: ['UPS inalia.'],
    diagnosis: 'Hakuna hitilafu; UPS ililia kwa sababu umeme ulikatika. Mtumiaji ameelekezwa.',
    actions: '',
    outcome: 'no_fault',
    weight: 4,
  },
  {
    symptoms: ['UPS inatoa harufu ya kuungua.'],
    diagnosis: 'Bodi ya inverter imeungua; gharama ya kutengeneza inazidi thamani ya UPS.',
    actions: 'Tathmini imefanywa; UPS inapendekezwa kuondoshwa.',
    outcome: 'beyond_repair',
    weight: 3,
  },
];

const NETWORK: Fault[] = [
  {
    symptoms: ['Ofisi nzima haina mtandao.', 'Kompyuta za ghorofa ya kwanza hazina mtandao.'],
    diagnosis: 'Swichi imezimika; adapta ya umeme imeungua.',
    actions: 'Adapta imebadilishwa na swichi imewashwa.',
    outcome: 'part_replaced',
    parts: [['Adapta ya swichi', 120_000]],
    weight: 6,
  },
  {
    symptoms: ['Mtandao unakatika katika mara kwa mara.'],
    diagnosis: 'Port mbili za swichi zimeharibika.',
    actions: 'Nyaya zimehamishiwa port nyingine na port mbovu zimezimwa.',
    outcome: 'repaired',
    weight: 6,
  },
  {
    symptoms: ['Mtandao ni wa polepole sana.'],
    diagnosis: 'Loop ya mtandao imesababishwa na waya uliochomekwa pande mbili.',
    actions: 'Waya umeondolewa na spanning tree imewashwa.',
    outcome: 'repaired',
    weight: 4,
  },
  {
    symptoms: ['Kiungo cha fiber kati ya majengo kimekatika.'],
    diagnosis: 'Moduli ya SFP imeharibika.',
    actions: 'Moduli ya SFP imebadilishwa.',
    outcome: 'part_replaced',
    parts: [['Moduli ya SFP 1G', 180_000]],
    weight: 3,
  },
  {
    symptoms: ['Swichi haiwaki kabisa.'],
    diagnosis: 'Swichi imeungua baada ya radi.',
    actions: 'Tathmini imefanywa; swichi inapendekezwa kuondoshwa.',
    outcome: 'beyond_repair',
    weight: 2,
  },
];

const PROJECTOR: Fault[] = [
  {
    symptoms: ['Projekta inaonyesha picha hafifu sana.', 'Taa ya projekta inawaka nyekundu.'],
    diagnosis: 'Taa (lamp) ya projekta imefikia mwisho wa muda wake.',
    actions: 'Taa mpya imewekwa na saa za taa zimewekwa upya.',
    outcome: 'part_replaced',
    parts: [['Taa ya projekta', 450_000]],
    weight: 10,
  },
  {
    symptoms: ['Projekta inajizima baada ya dakika 10.'],
    diagnosis: 'Filter imeziba kwa vumbi; joto linazidi.',
    actions: 'Filter imebadilishwa.',
    outcome: 'part_replaced',
    parts: [['Filter ya projekta', 35_000]],
    weight: 6,
  },
  {
    symptoms: ['Projekta haionyeshi picha kutoka laptop.'],
    diagnosis: 'Hakuna hitilafu; waya wa HDMI ulikuwa umechomolewa.',
    actions: '',
    outcome: 'no_fault',
    weight: 4,
  },
  {
    symptoms: ['Picha ina rangi ya njano na madoa.'],
    diagnosis: 'Panel ya LCD ya projekta imeharibika; vipuri vinagharimu zaidi ya projekta mpya.',
    actions: 'Tathmini imefanywa na mtoa huduma; projekta inapendekezwa kuondoshwa.',
    outcome: 'beyond_repair',
    workshop: true,
    weight: 2,
  },
];

function handheld(screen: Part): Fault[] {
  return [
    {
      symptoms: ['Skrini imepasuka.', 'Skrini imevunjika baada ya kifaa kuanguka.'],
      diagnosis: 'Skrini (display) imevunjika.',
      actions: 'Skrini mpya imewekwa na fundi wa mtoa huduma.',
      outcome: 'part_replaced',
      parts: [screen],
      workshop: true,
      weight: 10,
    },
    {
      symptoms: ['Betri inaisha haraka sana.'],
      diagnosis: 'Betri imechoka.',
      actions: 'Betri mpya imewekwa.',
      outcome: 'part_replaced',
      parts: [['Betri', 65_000]],
      workshop: true,
      weight: 8,
    },
    {
      symptoms: ['Kifaa hakichaji.'],
      diagnosis: 'Port ya kuchaji imeharibika.',
      actions: 'Port ya kuchaji imebadilishwa.',
      outcome: 'part_replaced',
      parts: [['Port ya kuchaji', 45_000]],
      workshop: true,
      weight: 6,
    },
    {
      symptoms: ['Kifaa kinajiwasha upya (restart) chenyewe.'],
      diagnosis: 'Mfumo wa kifaa umeharibika.',
      actions: 'Data imehifadhiwa na kifaa kimerudishwa kwenye mipangilio ya kiwanda (factory reset).',
      outcome: 'repaired',
      weight: 6,
    },
    {
      symptoms: ['Kifaa kilizama kwenye maji; hakiwaki.'],
      diagnosis: 'Ubao wa kifaa umeharibika kwa maji.',
      actions: 'Tathmini imefanywa; kifaa kinapendekezwa kuondoshwa.',
      outcome: 'beyond_repair',
      weight: 2,
    },
  ];
}

const EXTERNAL_DRIVE: Fault[] = [
  {
    symptoms: ['Diski ya nje haionekani kwenye kompyuta.'],
    diagnosis: 'Waya wa USB umeharibika.',
    actions: 'Waya mpya wa USB umewekwa.',
    outcome: 'part_replaced',
    parts: [['Waya wa USB 3.0', 20_000]],
    weight: 6,
  },
  {
    symptoms: ['Diski inatoa sauti ya kugongagonga; mafaili hayafunguki.'],
    diagnosis: 'Diski (mechanical) imeharibika.',
    actions: 'Tathmini imefanywa; diski inapendekezwa kuondoshwa.',
    outcome: 'beyond_repair',
    weight: 3,
  },
  {
    symptoms: ['Mafaili hayaonekani kwenye diski ya nje.'],
    diagnosis: 'Hakuna hitilafu; mafaili yalikuwa yamefichwa (hidden) na virusi kwenye kompyuta nyingine.',
    actions: '',
    outcome: 'no_fault',
    weight: 3,
  },
];

export const FAULTS: Readonly<Record<string, readonly Fault[]>> = {
  desktop: DESKTOP,
  laptop: LAPTOP,
  server: SERVER,
  printer: PRINTER,
  scanner: SCANNER,
  ups: UPS,
  network: NETWORK,
  projector: PROJECTOR,
  phone: handheld(['Skrini ya simu', 180_000]),
  tablet: handheld(['Skrini ya tablet', 240_000]),
  external_drive: EXTERNAL_DRIVE,
};

/** Preventive work under a plan (3.6.1), by kind of device: the task, how often, and what the job card says. */
export const PREVENTIVE: Readonly<Record<string, { task: string; interval_months: number; actions: readonly string[]; part?: Part }>> = {
  desktop: {
    task: 'Usafishaji wa ndani na ukaguzi wa feni',
    interval_months: 6,
    actions: [
      'Usafishaji wa ndani, ukaguzi wa feni na nyaya; sasisho za Windows na antivirus; kifaa kimepimwa.',
      'Vumbi limeondolewa; feni na PSU zimekaguliwa; diski imekaguliwa kwa SMART.',
    ],
    part: ['Betri ya CMOS CR2032', 5_000],
  },
  laptop: {
    task: 'Usafishaji na ukaguzi wa betri',
    interval_months: 6,
    actions: ['Usafishaji, ukaguzi wa betri na chaja; sasisho za mfumo na antivirus.', 'Feni imesafishwa; afya ya betri imekaguliwa; sasisho zimewekwa.'],
  },
  ups: {
    task: 'Kupima betri za UPS',
    interval_months: 3,
    actions: ['Betri zimepimwa kwa mzigo (load test) dakika 10; terminali zimesafishwa.', 'Voltage ya betri imepimwa na UPS imejaribiwa kwa kukata umeme.'],
    part: ['Betri 12V 9Ah', 85_000, 2],
  },
  server: {
    task: 'Ukaguzi wa seva, diski na kumbukumbu za mfumo',
    interval_months: 3,
    actions: [
      'Hali ya diski (RAID), kumbukumbu za mfumo (logs), joto na feni zimekaguliwa; backup imethibitishwa.',
      'Firmware na sasisho za usalama zimewekwa; urejeshaji wa backup umejaribiwa.',
    ],
  },
  printer: {
    task: 'Usafishaji wa printa na ukaguzi wa roller',
    interval_months: 6,
    actions: ['Usafishaji wa ndani; roller na fuser zimekaguliwa; ukurasa wa majaribio umechapishwa.'],
    part: ['Pickup roller kit', 95_000],
  },
  network: {
    task: 'Ukaguzi wa swichi, nyaya na kabati la mtandao',
    interval_months: 12,
    actions: ['Swichi, nyaya na kabati la mtandao vimekaguliwa; firmware imekaguliwa na kumbukumbu za hitilafu zimesomwa.'],
  },
};

/** Why an entry was closed without work, as the officer wrote it (issue 7: "cancelled" says why). */
export const CANCEL_REASONS = [
  'Hitilafu hii iliripotiwa mara mbili; kazi imefanyika chini ya ingizo lingine.',
  'Mtumiaji ameondoa ombi; kifaa kilianza kufanya kazi kabla fundi hajafika.',
  'Iliripotiwa kwa kifaa kisicho sahihi; ingizo sahihi limefunguliwa.',
];
