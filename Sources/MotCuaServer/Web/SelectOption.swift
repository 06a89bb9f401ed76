/// Một lựa chọn — one option of a select on a page: its value, its words, and whether it is the one chosen.
struct SelectOption {
    let value: String
    let label: String
    var selected = false
}
