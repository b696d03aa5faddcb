#include "KeyValueText.h"

#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

#include <utility>

namespace AuthStudio {

namespace {

const QString DisabledMark = QStringLiteral("//");

// Where the name ends: at a tab if the line has one (a spreadsheet's columns), else at the first ':' or '='
// (so `Authorization: Bearer a=b` and `next=https://x` both split where meant). A leading ':' belongs to
// the name (HTTP/2's `:authority`, as browsers' tools show it, left out by parse()). -1: no separator.
qsizetype separatorOf(const QString &line)
{
    const qsizetype tab = line.indexOf(QLatin1Char('\t'));
    if (tab >= 0)
        return tab;
    for (qsizetype i = 1; i < line.size(); ++i) {
        if (line.at(i) == QLatin1Char(':') || line.at(i) == QLatin1Char('='))
            return i;
    }
    return -1;
}

QStringList linesOf(const QString &text)
{
    static const QRegularExpression lineBreak(QStringLiteral("\r\n|\n|\r"));
    return text.split(lineBreak);
}

// The character(s) a backslash escape in $'...' stands for, as bash reads them: `at` is the backslash
// on entry and the escape's last character on return. An escape bash doesn't know stays as written.
QString ansiEscape(const QString &command, qsizetype &at)
{
    const qsizetype size = command.size();
    const QChar letter = command.at(++at);
    const auto number = [&command, &at, size](int base, int most) {
        char32_t value = 0;
        int digits = 0;
        while (digits < most && at + 1 < size) {
            const int digit =
                QStringView(u"0123456789abcdef").left(base).indexOf(command.at(at + 1).toLower());
            if (digit < 0)
                break;
            value = value * base + char32_t(digit);
            ++at;
            ++digits;
        }
        return std::pair {value, digits};
    };
    switch (letter.unicode()) {
    case 'a':
        return QStringLiteral("\a");
    case 'b':
        return QStringLiteral("\b");
    case 'e':
    case 'E':
        return QStringLiteral("\x1b");
    case 'f':
        return QStringLiteral("\f");
    case 'n':
        return QStringLiteral("\n");
    case 'r':
        return QStringLiteral("\r");
    case 't':
        return QStringLiteral("\t");
    case 'v':
        return QStringLiteral("\v");
    case 'x':
    case 'u':
    case 'U': {
        const auto [value, digits] = number(16,
                                            letter == QLatin1Char('x')       ? 2
                                                : letter == QLatin1Char('u') ? 4
                                                                             : 8);
        if (digits == 0)
            return QStringLiteral("\\") + letter;
        if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
            return QString(QChar::ReplacementCharacter);
        return QString::fromUcs4(&value, 1);
    }
    case 'c': // a control character: \cA is 1
        if (at + 1 < size)
            return QString(QChar(command.at(++at).toUpper().unicode() & 0x1f));
        return QStringLiteral("\\c");
    default:
        if (letter.isDigit() && letter < QLatin1Char('8')) {
            --at;
            const auto [value, digits] = number(8, 3);
            Q_UNUSED(digits);
            return QString(QChar(char16_t(value & 0xff)));
        }
        // \\, \', \" and \? are the character itself; any other escape keeps its backslash.
        if (QStringView(u"\\'\"?").contains(letter))
            return QString(letter);
        return QStringLiteral("\\") + letter;
    }
}

// The words of a shell command line, as a shell splits them: spaces separate; '...' is literal, "..."
// and $'...' take backslash escapes; a backslash at a line's end continues the command on the next.
QStringList shellWords(const QString &command)
{
    QStringList words;
    QString word;
    bool inWord = false;
    const qsizetype size = command.size();
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = command.at(i);
        if (c == QLatin1Char('\\') && i + 1 < size) {
            const QChar next = command.at(++i);
            if (next == QLatin1Char('\n') || next == QLatin1Char('\r')) {
                if (next == QLatin1Char('\r') && i + 1 < size && command.at(i + 1) == QLatin1Char('\n'))
                    ++i;
                continue;
            }
            word += next;
            inWord = true;
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"') ||
                   (c == QLatin1Char('$') && i + 1 < size && command.at(i + 1) == QLatin1Char('\''))) {
            const bool ansi = c == QLatin1Char('$');
            const QChar quote = ansi ? QLatin1Char('\'') : c;
            if (ansi)
                ++i;
            for (++i; i < size && command.at(i) != quote; ++i) {
                const QChar d = command.at(i);
                if (d != QLatin1Char('\\') || i + 1 >= size || (quote == QLatin1Char('\'') && !ansi)) {
                    word += d;
                } else if (ansi) {
                    word += ansiEscape(command, i);
                } else {
                    // In double quotes a backslash escapes only these; before anything else it stays.
                    const QChar next = command.at(i + 1);
                    if (QStringView(u"$`\"\\\n").contains(next)) {
                        ++i;
                        if (next != QLatin1Char('\n')) // a line continued
                            word += next;
                    } else {
                        word += d;
                    }
                }
            }
            inWord = true;
        } else if (c.isSpace()) {
            if (inWord)
                words.append(std::exchange(word, {}));
            inWord = false;
        } else {
            word += c;
            inWord = true;
        }
    }
    if (inWord)
        words.append(word);
    return words;
}

bool isOneOf(const QString &option, std::initializer_list<const char *> names)
{
    return std::any_of(names.begin(), names.end(),
                       [&option](const char *name) { return option == QLatin1String(name); });
}

// What a curl command (a browser's "Copy as cURL", one line or many) gives a table, and what of it the
// table can't take, said so the user knows to carry it over themselves.
//   - For headers: -H and --header ("Name: value", "Name;" for an empty value), -A (User-Agent), -e
//     (Referer) and -b (Cookie, when it isn't a file).
//   - For parameters: the address's query parameters, decoded.
// Left out and named: the method (-X), a body (-d, --data-raw, --json, -F, ...), a user and password (-u)
// or token (--oauth2-bearer) without their values, a cookie file, and the headers when pasting parameters.
// Transport options (--compressed, -L, -k, ...) mean nothing to a table and aren't named.
KeyValueList curlRows(const QString &command, KeyValueText::Style style, QStringList *leftOut)
{
    const bool wantHeaders = style == KeyValueText::Style::Header;
    KeyValueList headers;
    QString address;
    QStringList notes;
    const auto note = [&notes](const QString &text) {
        if (!notes.contains(text))
            notes.append(text);
    };
    const QStringList words = shellWords(command);
    for (qsizetype i = 1; i < words.size(); ++i) {
        QString option = words.at(i);
        QString argument;
        // curl takes a short option's argument attached too: -HAccept:x, -XPOST.
        const bool attached = option.size() > 2 && option.startsWith(QLatin1Char('-')) &&
            QStringView(u"HAebXdFu").contains(option.at(1));
        if (attached) {
            argument = option.mid(2);
            option.truncate(2);
        } else if (i + 1 < words.size()) {
            argument = words.at(i + 1);
        }
        KeyValue header;
        if (isOneOf(option, {"-H", "--header"})) {
            const qsizetype colon = argument.indexOf(QLatin1Char(':'), 1);
            if (colon > 0 && argument.mid(colon + 1).trimmed().isEmpty())
                // "Name:" tells curl not to send a header of its own; "Name;" is the empty one.
                note(QStringLiteral("-H '%1' (a header curl leaves out)").arg(argument.left(colon + 1)));
            else if (colon > 0)
                header = {argument.left(colon).trimmed(), argument.mid(colon + 1).trimmed(), true};
            else if (argument.endsWith(QLatin1Char(';')))
                header = {argument.chopped(1).trimmed(), QString(), true};
        } else if (isOneOf(option, {"-A", "--user-agent"})) {
            header = {QStringLiteral("User-Agent"), argument, true};
        } else if (isOneOf(option, {"-e", "--referer"})) {
            header = {QStringLiteral("Referer"), argument, true};
        } else if (isOneOf(option, {"-b", "--cookie"})) {
            if (argument.contains(QLatin1Char('=')))
                header = {QStringLiteral("Cookie"), argument, true};
            else
                note(QStringLiteral("-b %1 (a cookie file)").arg(argument));
        } else if (isOneOf(option, {"-X", "--request"})) {
            note(QStringLiteral("-X %1").arg(argument));
        } else if (isOneOf(option,
                           {"-d", "--data", "--data-raw", "--data-binary", "--data-ascii", "--data-urlencode",
                            "--json", "-F", "--form", "--form-string"})) {
            note(QStringLiteral("%1 (a body)").arg(option));
        } else if (isOneOf(option, {"-u", "--user"})) {
            note(QStringLiteral("%1 (a user and password)").arg(option));
        } else if (option == QLatin1String("--oauth2-bearer")) {
            note(QStringLiteral("--oauth2-bearer (a token)"));
        } else if (option == QLatin1String("--url")) {
            if (address.isEmpty())
                address = argument;
        } else {
            // The address is the word that reads as one; an option's argument (-X POST) doesn't.
            if (address.isEmpty() &&
                (option.startsWith(QLatin1String("http://"), Qt::CaseInsensitive) ||
                 option.startsWith(QLatin1String("https://"), Qt::CaseInsensitive)))
                address = option;
            continue;
        }
        if (!attached)
            ++i; // the option's argument
        if (!header.name.isEmpty() && !header.name.startsWith(QLatin1Char(':')))
            headers.append(header);
    }
    KeyValueList rows;
    if (wantHeaders) {
        rows = headers;
    } else {
        const QUrlQuery query(QUrl(address).query(QUrl::FullyEncoded));
        for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded))
            rows.append({name, value, true});
        if (!headers.isEmpty())
            notes.prepend(headers.size() == 1 ? QStringLiteral("1 header")
                                              : QStringLiteral("%1 headers").arg(headers.size()));
    }
    if (leftOut)
        *leftOut = notes;
    return rows;
}

} // namespace

QString KeyValueText::format(const KeyValueList &rows, Style style)
{
    const QString separator = style == Style::Header ? QStringLiteral(": ") : QStringLiteral("=");
    QString text;
    for (const KeyValue &row : rows) {
        if (!row.enabled)
            text += DisabledMark + QLatin1Char(' ');
        text += row.name + separator + row.value + QLatin1Char('\n');
    }
    return text;
}

KeyValueList KeyValueText::parse(const QString &text, Style style, QStringList *leftOut)
{
    if (leftOut)
        leftOut->clear();
    if (text.trimmed().startsWith(QLatin1String("curl ")))
        return curlRows(text.trimmed(), style, leftOut);
    KeyValueList rows;
    for (QString line : linesOf(text)) {
        line = line.trimmed();
        if (line.isEmpty())
            continue;
        KeyValue row;
        if (line.startsWith(DisabledMark)) {
            row.enabled = false;
            line = line.mid(DisabledMark.size()).trimmed();
        }
        const qsizetype separator = separatorOf(line);
        row.name = (separator < 0 ? line : line.left(separator)).trimmed();
        row.value = separator < 0 ? QString() : line.mid(separator + 1).trimmed();
        // HTTP/2's pseudo-headers (:authority, :method, :path, :scheme), which a browser's "copy request
        // headers" starts with, aren't headers a request can carry (QA pass 45: pasted, each was a row
        // Save refused).
        if (row.name.startsWith(QLatin1Char(':')))
            continue;
        if (!row.name.isEmpty() || !row.value.isEmpty())
            rows.append(row);
    }
    return rows;
}

bool KeyValueText::looksLikeRows(const QString &text)
{
    return !text.trimmed().isEmpty() &&
        (text.contains(QLatin1Char('\n')) || text.contains(QLatin1Char('\r')) ||
         text.contains(QLatin1Char('\t')) || text.trimmed().startsWith(QLatin1String("curl ")));
}

} // namespace AuthStudio
