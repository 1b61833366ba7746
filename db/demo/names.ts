// Realistic particulars for a Tanzanian ministry's demo data.
export const FIRST_NAMES = [
  'Asha', 'Juma', 'Neema', 'Baraka', 'Rehema', 'Emmanuel', 'Zawadi', 'Hamisi', 'Upendo', 'Salim', 'Mwanaisha', 'Godfrey',
  'Halima', 'Frank', 'Subira', 'Athumani', 'Agnes', 'Yusuph', 'Esther', 'Omari', 'Grace', 'Daudi', 'Saida', 'Joseph',
  'Mariam', 'Elia', 'Fatuma', 'Peter', 'Tumaini', 'Issa', 'Happiness', 'Abdallah', 'Lucy', 'Ramadhani', 'Anna', 'Nassoro',
  'Witness', 'Hassani', 'Jesca', 'Shabani', 'Rose', 'Khamis', 'Mwajuma', 'Erasto', 'Catherine', 'Bakari', 'Pendo', 'Idrisa',
];
export const SURNAMES = [
  'Mrisho', 'Ally', 'Kweka', 'Massawe', 'Mwakyusa', 'Kimaro', 'Mushi', 'Mollel', 'Lyimo', 'Mfinanga', 'Msuya', 'Nyerere',
  'Mwinyi', 'Swai', 'Shirima', 'Temba', 'Mbwambo', 'Kisanga', 'Magesa', 'Mwakalinga', 'Chande', 'Said', 'Mapunda', 'Ngowi',
  'Haule', 'Komba', 'Nnko', 'Makundi', 'Urassa', 'Mwasomola', 'Kapinga', 'Mdee', 'Lukumay', 'Kibona', 'Sanga', 'Minja',
];
export const TITLES = [
  'Afisa Utumishi', 'Mhasibu', 'Afisa TEHAMA', 'Katibu Muhtasi', 'Afisa Ugavi', 'Mhandisi wa Maji', 'Dereva', 'Afisa Mipango',
  'Mkaguzi wa Ndani', 'Afisa Sheria', 'Afisa Habari', 'Mtakwimu', 'Afisa Kumbukumbu', 'Mchumi', 'Mhandisi wa Mazingira',
  'Afisa Tawala', 'Msaidizi wa Ofisi', 'Mkemia',
];
export const DEPARTMENTS: [string, string][] = [
  ['Idara ya Utawala na Usimamizi wa Rasilimali Watu', 'DAHRM'],
  ['Kitengo cha TEHAMA', 'ICT'],
  ['Kitengo cha Fedha na Uhasibu', 'FA'],
  ['Kitengo cha Usimamizi wa Ununuzi', 'PMU'],
  ['Idara ya Sera na Mipango', 'DPP'],
  ['Kitengo cha Ukaguzi wa Ndani', 'IA'],
  ['Kitengo cha Huduma za Sheria', 'LS'],
  ['Kitengo cha Mawasiliano Serikalini', 'GCU'],
  ['Idara ya Huduma za Maji Vijijini', 'DRWS'],
  ['Idara ya Ubora wa Maji', 'DWQ'],
  ['Idara ya Rasilimali za Maji', 'DWR'],
  ['Kitengo cha Kumbukumbu na Nyaraka', 'RMU'],
  ['Idara ya Huduma za Maji Mijini na Usafi wa Mazingira', 'DUWSS'],
  ['Kitengo cha Mazingira na Mabadiliko ya Tabianchi', 'ECC'],
];
/** Dodoma (the head office) first, then the regions whose offices a small demo opens first; all 26 of the mainland. */
export const REGIONS = [
  'Dodoma', 'Dar es Salaam', 'Arusha', 'Mwanza', 'Mbeya', 'Tanga', 'Morogoro', 'Kigoma', 'Mtwara', 'Tabora', 'Iringa', 'Shinyanga',
  'Kilimanjaro', 'Kagera', 'Mara', 'Geita', 'Simiyu', 'Singida', 'Manyara', 'Pwani', 'Lindi', 'Ruvuma', 'Njombe', 'Rukwa', 'Katavi', 'Songwe',
];
/** The nine basin water boards, each an office of its own with the ministry's equipment: [name, town, region]. */
export const BASIN_OFFICES: [string, string, string][] = [
  ['Bodi ya Maji Bonde la Pangani', 'Moshi', 'Kilimanjaro'],
  ['Bodi ya Maji Bonde la Wami/Ruvu', 'Morogoro', 'Morogoro'],
  ['Bodi ya Maji Bonde la Rufiji', 'Iringa', 'Iringa'],
  ['Bodi ya Maji Bonde la Ruvuma na Pwani ya Kusini', 'Mtwara', 'Mtwara'],
  ['Bodi ya Maji Bonde la Ziwa Nyasa', 'Njombe', 'Njombe'],
  ['Bodi ya Maji Bonde la Ziwa Rukwa', 'Mbeya', 'Mbeya'],
  ['Bodi ya Maji Bonde la Ziwa Tanganyika', 'Kigoma', 'Kigoma'],
  ['Bodi ya Maji Bonde la Ziwa Victoria', 'Mwanza', 'Mwanza'],
  ['Bodi ya Maji Bonde la Kati', 'Singida', 'Singida'],
];
export const HEAD_OFFICE_ROOMS: [string, string][] = [
  ['Ofisi ya Katibu Mkuu', 'Mji wa Serikali Mtumba, Jengo A, Ghorofa ya 2'],
  ['Chumba cha Seva', 'Mji wa Serikali Mtumba, Jengo A, Ghorofa ya Chini'],
  ['Ofisi ya TEHAMA', 'Mji wa Serikali Mtumba, Jengo A, Ghorofa ya 1'],
  ['Masjala Kuu', 'Mji wa Serikali Mtumba, Jengo B, Ghorofa ya Chini'],
  ['Stoo ya Vifaa', 'Mji wa Serikali Mtumba, Jengo C'],
  ['Ukumbi wa Mikutano', 'Mji wa Serikali Mtumba, Jengo B, Ghorofa ya 1'],
];
export const OTHER_INSTITUTIONS = [
  'Ofisi ya Rais - TAMISEMI',
  'Mamlaka ya Serikali Mtandao (e-GA)',
  'Ofisi ya Taifa ya Ukaguzi (NAOT)',
  'Mamlaka ya Maji Safi na Usafi wa Mazingira Dodoma (DUWASA)',
];
