//! The demo records' tables: countries of origin with their names and languages, towns,
//! streets, trades, children's names, referents and notes.

/// A country of origin with the names and languages that go with it.
pub(super) struct Origin {
    pub(super) country: &'static str,
    pub(super) nationality: &'static str,
    pub(super) languages: &'static [&'static str],
    pub(super) female: &'static [&'static str],
    pub(super) male: &'static [&'static str],
    pub(super) last: &'static [&'static str],
}

pub(super) const ORIGINS: &[Origin] = &[
    Origin {
        country: "Afghanistan",
        nationality: "afghane",
        languages: &["dari", "pachto"],
        female: &["Zahra", "Maryam", "Farzana", "Nargis"],
        male: &["Ahmad", "Mohammad Reza", "Hamid", "Sayed"],
        last: &["Rahimi", "Ahmadzai", "Haidari", "Karimi"],
    },
    Origin {
        country: "Syrie",
        nationality: "syrienne",
        languages: &["arabe", "anglais"],
        female: &["Rania", "Aïcha", "Lama", "Hiba"],
        male: &["Omar", "Khaled", "Yassin", "Bassel"],
        last: &["Al-Khatib", "Haddad", "Darwich", "Ben Ali"],
    },
    Origin {
        country: "Ukraine",
        nationality: "ukrainienne",
        languages: &["ukrainien", "russe"],
        female: &["Oksana", "Olena", "Iryna", "Kateryna"],
        male: &["Andriy", "Dmytro", "Serhiy", "Taras"],
        last: &["Kovalenko", "Shevchenko", "Bondarenko", "Tkachuk"],
    },
    Origin {
        country: "Mali",
        nationality: "malienne",
        languages: &["bambara", "soninké"],
        female: &["Fatoumata", "Aminata", "Kadiatou", "Oumou"],
        male: &["Mamadou", "Seydou", "Moussa", "Boubacar"],
        last: &["Diallo", "Traoré", "Keïta", "Coulibaly"],
    },
    Origin {
        country: "Guinée",
        nationality: "guinéenne",
        languages: &["peul", "soussou"],
        female: &["Mariama", "Hadja", "Fanta", "Djénabou"],
        male: &["Alpha", "Ibrahima", "Thierno", "Sékou"],
        last: &["Barry", "Bah", "Camara", "Soumah"],
    },
    Origin {
        country: "Viêt Nam",
        nationality: "vietnamienne",
        languages: &["vietnamien"],
        female: &["Thị Hoa", "Thu Hằng", "Ngọc Ánh", "Lan"],
        male: &["Văn Minh", "Đức Anh", "Quốc Bảo", "Tuấn"],
        last: &["Nguyễn", "Trần", "Lê", "Phạm"],
    },
    Origin {
        country: "Turquie",
        nationality: "turque",
        languages: &["turc", "kurde"],
        female: &["Ayşe", "Elif", "Zeynep", "Gülşen"],
        male: &["Mehmet", "Emre", "Barış", "Oğuz"],
        last: &["Çelik", "Yılmaz", "Şahin", "Öztürk"],
    },
    Origin {
        country: "Érythrée",
        nationality: "érythréenne",
        languages: &["tigrinya", "arabe"],
        female: &["Senait", "Helen", "Yohana", "Selam"],
        male: &["Yonas", "Tesfay", "Filmon", "Dawit"],
        last: &["Tesfamariam", "Haile", "Gebremedhin", "Berhane"],
    },
    Origin {
        country: "Serbie",
        nationality: "serbe",
        languages: &["serbe", "anglais"],
        female: &["Jelena", "Milica", "Dragana", "Snežana"],
        male: &["Nikola", "Dragan", "Miloš", "Đorđe"],
        last: &["Đorđević", "Jovanović", "Petrović", "Nikolić"],
    },
    Origin {
        country: "Haïti",
        nationality: "haïtienne",
        languages: &["créole haïtien"],
        female: &["Nadège", "Roseline", "Mirlande", "Wideline"],
        male: &["Jean-Robert", "Wilner", "Frantz", "Jérôme"],
        last: &["Joseph", "Pierre-Louis", "Desrosiers", "Saint-Fleur"],
    },
    Origin {
        country: "Colombie",
        nationality: "colombienne",
        languages: &["espagnol"],
        female: &["María José", "Daniela", "Lucía", "Ximena"],
        male: &["Andrés", "Julián", "Sebastián", "Camilo"],
        last: &["Muñoz", "Rodríguez", "Peña", "Gómez"],
    },
    Origin {
        country: "Sri Lanka",
        nationality: "sri-lankaise",
        languages: &["tamoul", "anglais"],
        female: &["Kalaivani", "Tharshika", "Priya", "Nilani"],
        male: &["Tharshan", "Kajan", "Suresh", "Pirathees"],
        last: &["Sivakumar", "Tharmalingam", "Selvarajah", "Ravindran"],
    },
    Origin {
        country: "Algérie",
        nationality: "algérienne",
        languages: &["arabe", "kabyle"],
        female: &["Lydia", "Nesrine", "Kahina", "Samira"],
        male: &["Karim", "Yacine", "Mourad", "Amine"],
        last: &["Benali", "Haddadi", "Meziane", "Boudiaf"],
    },
    Origin {
        country: "République démocratique du Congo",
        nationality: "congolaise",
        languages: &["lingala", "swahili"],
        female: &["Grâce", "Merveille", "Nsimba", "Exaucée"],
        male: &["Patrick", "Christian", "Bienvenu", "Junior"],
        last: &["Mbuyi", "Kabongo", "Tshibangu", "Ilunga"],
    },
];

pub(super) const TOWNS: &[(&str, &str)] = &[
    ("Créteil", "94000"),
    ("Vitry-sur-Seine", "94400"),
    ("Ivry-sur-Seine", "94200"),
    ("Champigny-sur-Marne", "94500"),
    ("Villejuif", "94800"),
    ("Choisy-le-Roi", "94600"),
    ("Maisons-Alfort", "94700"),
    ("Fontenay-sous-Bois", "94120"),
    ("Orly", "94310"),
    ("Villeneuve-Saint-Georges", "94190"),
    ("Alfortville", "94140"),
    ("Bonneuil-sur-Marne", "94380"),
];

pub(super) const STREETS: &[&str] = &[
    "rue Gabriel Péri",
    "avenue de la République",
    "rue Jean Jaurès",
    "allée des Érables",
    "boulevard Paul Vaillant-Couturier",
    "rue de Paris",
    "place du Marché",
];

/// Occupations people commonly bring: (ROME code, job title as the person says it, a skill,
/// whether the profession is regulated in France, a diploma title and its EQF level).
pub(super) const TRADES: &[(&str, &str, &str, bool, &str, u8)] = &[
    (
        "J1501",
        "Aide-soignante à l'hôpital",
        "Soins d'hygiène et de confort",
        true,
        "Diplôme d'auxiliaire de santé",
        4,
    ),
    (
        "G1602",
        "Cuisinier dans un restaurant",
        "Préparation des plats chauds",
        false,
        "Certificat de cuisine",
        3,
    ),
    (
        "K1302",
        "Auxiliaire de vie à domicile",
        "Accompagnement des personnes âgées",
        false,
        "",
        0,
    ),
    (
        "F1703",
        "Maçon sur chantiers",
        "Montage de murs en parpaings",
        false,
        "Brevet professionnel de maçonnerie",
        3,
    ),
    (
        "K2204",
        "Agent de nettoyage",
        "Nettoyage de locaux",
        false,
        "",
        0,
    ),
    (
        "N4101",
        "Chauffeur poids lourd",
        "Conduite de camions",
        true,
        "Permis C",
        3,
    ),
    (
        "D1106",
        "Vendeuse sur le marché",
        "Vente et conseil client",
        false,
        "",
        0,
    ),
    (
        "I1604",
        "Mécanicien automobile",
        "Diagnostic moteur",
        false,
        "Diplôme technique de mécanique",
        4,
    ),
    (
        "K2111",
        "Enseignante en école primaire",
        "Animation de groupes",
        true,
        "Licence en sciences de l'éducation",
        6,
    ),
    (
        "M1607",
        "Secrétaire administrative",
        "Saisie et classement",
        false,
        "Diplôme de secrétariat",
        5,
    ),
    (
        "H2913",
        "Soudeur en atelier",
        "Soudure à l'arc",
        false,
        "Certificat de soudure",
        3,
    ),
    (
        "A1414",
        "Agricultrice maraîchère",
        "Cultures maraîchères",
        false,
        "",
        0,
    ),
];

pub(super) const CHILD_NAMES: &[&str] = &[
    "Inès", "Adam", "Maëlys", "Yanis", "Awa", "Ilyes", "Sofia", "Noé", "Lina", "Moussa", "Hawa",
    "Zoé", "Éloïse", "Amir",
];

pub(super) const REFERENTS: &[&str] = &[
    "Claire Martin",
    "Karima Bensaïd",
    "Julien Lefèvre",
    "Sandrine Moreau",
];

/// The names of the other counsellors of a large demo (see `referents_for`).
pub(super) const COUNSELLOR_FIRST_NAMES: &[&str] = &[
    "Anne",
    "Bruno",
    "Céline",
    "David",
    "Élodie",
    "François",
    "Gaëlle",
    "Hugo",
    "Isabelle",
    "Jérôme",
    "Laure",
    "Mathieu",
    "Nadia",
    "Olivier",
    "Patricia",
    "Rachid",
];

/// See [`COUNSELLOR_FIRST_NAMES`].
pub(super) const COUNSELLOR_LAST_NAMES: &[&str] = &[
    "Bernard", "Petit", "Durand", "Leroy", "Roux", "Fournier", "Girard", "Bonnet", "Dupont",
    "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Faure", "Mercier",
];

pub(super) const NOTES: &[&str] = &[
    "Très motivée, disponible le matin uniquement.",
    "A exercé comme aide-soignant pendant 6 ans ; diplôme à faire reconnaître.",
    "Hébergé chez un proche, adresse à confirmer.",
    "Souhaite travailler dans la restauration ; expérience de cuisinier.",
    "Garde d'enfant à organiser avant toute formation.",
    "Rendez-vous préfecture prévu pour le renouvellement du titre.",
    "",
];
