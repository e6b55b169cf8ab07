/// The words Bindery writes itself into an e-book (the navigation's headings, the notes' heading), in the book's
/// language where it knows them, else in English.
struct GeneratedLabels: Sendable, Equatable {
    var contents: String
    var landmarks: String
    var cover: String
    var titlePage: String
    var start: String
    /// The one contents entry of a text without headings: where the reading starts.
    var beginning: String
    var pages: String
    var notes: String

    /// The labels for a BCP 47 tag, by its primary language subtag (`fr-CA` → French).
    static func forLanguage(_ tag: String) -> GeneratedLabels {
        let primary = tag.split(separator: "-").first.map { $0.lowercased() } ?? ""
        return table[primary] ?? english
    }

    static let english = GeneratedLabels(contents: "Contents", landmarks: "Landmarks", cover: "Cover", titlePage: "Title page",
                                         start: "Start of content", beginning: "Start", pages: "Pages", notes: "Notes")

    private static let table: [String: GeneratedLabels] = [
        "en": english,
        "de": GeneratedLabels(contents: "Inhalt", landmarks: "Orientierungspunkte", cover: "Umschlag", titlePage: "Titelseite",
                              start: "Beginn des Inhalts", beginning: "Anfang", pages: "Seiten", notes: "Anmerkungen"),
        "fr": GeneratedLabels(contents: "Table des matières", landmarks: "Repères", cover: "Couverture", titlePage: "Page de titre",
                              start: "Début du contenu", beginning: "Début", pages: "Pages", notes: "Notes"),
        "es": GeneratedLabels(contents: "Índice", landmarks: "Puntos de referencia", cover: "Cubierta", titlePage: "Portada",
                              start: "Inicio del contenido", beginning: "Inicio", pages: "Páginas", notes: "Notas"),
        "it": GeneratedLabels(contents: "Indice", landmarks: "Punti di riferimento", cover: "Copertina", titlePage: "Frontespizio",
                              start: "Inizio del contenuto", beginning: "Inizio", pages: "Pagine", notes: "Note"),
        "pt": GeneratedLabels(contents: "Sumário", landmarks: "Pontos de referência", cover: "Capa", titlePage: "Folha de rosto",
                              start: "Início do conteúdo", beginning: "Início", pages: "Páginas", notes: "Notas"),
        "nl": GeneratedLabels(contents: "Inhoud", landmarks: "Oriëntatiepunten", cover: "Omslag", titlePage: "Titelpagina",
                              start: "Begin van de inhoud", beginning: "Begin", pages: "Pagina’s", notes: "Noten"),
        "pl": GeneratedLabels(contents: "Spis treści", landmarks: "Punkty orientacyjne", cover: "Okładka", titlePage: "Strona tytułowa",
                              start: "Początek treści", beginning: "Początek", pages: "Strony", notes: "Przypisy"),
        "ru": GeneratedLabels(contents: "Содержание", landmarks: "Ориентиры", cover: "Обложка", titlePage: "Титульный лист",
                              start: "Начало текста", beginning: "Начало", pages: "Страницы", notes: "Примечания"),
    ]
}
