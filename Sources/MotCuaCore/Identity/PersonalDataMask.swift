/// Che dữ liệu cá nhân — how personal IDs and phone numbers appear in the application's logs (Decree 13/2023: logs
/// are read by operators who have no need of them): a 12-digit personal ID keeps its first and last three digits
/// (`001******345`), a phone number (10 or 11 digits starting with 0, or +84 and 9 digits) its first three and last
/// three (`091****678`). Other numbers — dossier codes' dates and sequences, counts — are left as they are.
public enum PersonalDataMask {
    public static func mask(_ text: String) -> String {
        var output = ""
        var digits = ""
        var plus = false
        func flush() {
            output += plus ? "+" : ""
            output += masked(digits, international: plus)
            digits = ""
            plus = false
        }
        for character in text {
            if character.isASCII && character.isNumber {
                digits.append(character)
            } else if character == "+" && digits.isEmpty {
                if plus { output += "+" }
                plus = true
            } else {
                if !digits.isEmpty || plus { flush() }
                output.append(character)
            }
        }
        if !digits.isEmpty || plus { flush() }
        return output
    }

    private static func masked(_ digits: String, international: Bool) -> String {
        let isPersonalID = !international && digits.count == 12
        let isPhone = international ? (digits.hasPrefix("84") && digits.count == 11) : (digits.hasPrefix("0") && (10...11).contains(digits.count))
        guard isPersonalID || isPhone else { return digits }
        let hidden = digits.count - 6
        return String(digits.prefix(3)) + String(repeating: "*", count: hidden) + String(digits.suffix(3))
    }
}
