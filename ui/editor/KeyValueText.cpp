#include "KeyValueText.h"

#include <QRegularExpression>
#include <QStringDecoder>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>
#include <initializer_list>

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

// One backslash escape of bash's $'...' quoting, `at` on the backslash, moved to the escape's last
// character. \xHH and octal escapes are bytes, added to `bytes` (a run of them is one UTF-8 text, as in
// $'caf\xc3\xa9'); anything else is text, returned. \0 (a NUL byte) ends the string, as bash does:
// `ended` is set.
QString ansiEscape(const QString &command, qsizetype &at, QByteArray &bytes, bool &ended)
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
    const auto byte = [&bytes, &ended](char32_t value) {
        if (ended)
            return QString();
        if ((value & 0xff) == 0)
            ended = true;
        else
            bytes.append(char(value & 0xff));
        return QString();
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
    case 'x': {
        const auto [value, digits] = number(16, 2);
        return digits == 0 ? QStringLiteral("\\x") : byte(value);
    }
    case 'u':
    case 'U': {
        auto [value, digits] = number(16, letter == QLatin1Char('u') ? 4 : 8);
        if (digits == 0)
            return QStringLiteral("\\") + letter;
        // A surrogate pair written as two escapes (\uD83D\uDE00) is one character.
        if (value >= 0xD800 && value <= 0xDBFF && at + 6 < size &&
            command.mid(at + 1, 2) == QLatin1String("\\u")) {
            bool ok = false;
            const uint low = command.mid(at + 3, 4).toUInt(&ok, 16);
            if (ok && low >= 0xDC00 && low <= 0xDFFF) {
                value = QChar::surrogateToUcs4(char16_t(value), char16_t(low));
                at += 6;
            }
        }
        if (value == 0) {
            ended = true;
            return {};
        }
        if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF))
            return QString(QChar::ReplacementCharacter);
        return QString::fromUcs4(&value, 1);
    }
    case 'c': // a control character: \cA is 1, \c? is DEL; never the quote that ends the string
        if (at + 1 < size && command.at(at + 1) != QLatin1Char('\'')) {
            const QChar control = command.at(++at);
            if (control == QLatin1Char('?'))
                return QString(QChar(0x7f));
            if ((control.toUpper().unicode() & 0x1f) == 0) {
                ended = true;
                return {};
            }
            return QString(QChar(control.toUpper().unicode() & 0x1f));
        }
        return QStringLiteral("\\c");
    default:
        if (letter.isDigit() && letter < QLatin1Char('8')) {
            --at;
            return byte(number(8, 3).first);
        }
        // \\, \', \" and \? are the character itself; any other escape keeps its backslash.
        if (QStringView(u"\\'\"?").contains(letter))
            return QString(letter);
        return QStringLiteral("\\") + letter;
    }
}

// Bytes an escape wrote, as text: UTF-8 when they are, else Latin-1 (Firefox writes \xe9 for é).
QString textOfBytes(const QByteArray &bytes)
{
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = utf8(bytes);
    return utf8.hasError() ? QString::fromLatin1(bytes) : text;
}

// The words of a shell command line, as a shell splits them: spaces separate; '...' is literal, "..."
// and $'...' take backslash escapes; a backslash at a line's end continues the command on the next.
QStringList shellWords(const QString &command)
{
    QStringList words;
    QString word;
    bool inWord = false;
    const qsizetype size = command.size();
    // A line break after a backslash, LF or CRLF: the command goes on; `at` is on the backslash.
    const auto continuation = [&command, size](qsizetype at) -> qsizetype {
        if (at + 1 < size && command.at(at + 1) == QLatin1Char('\n'))
            return 1;
        if (at + 1 < size && command.at(at + 1) == QLatin1Char('\r'))
            return at + 2 < size && command.at(at + 2) == QLatin1Char('\n') ? 2 : 1;
        return 0;
    };
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = command.at(i);
        if (c == QLatin1Char('\\') && i + 1 < size) {
            if (const qsizetype skip = continuation(i)) {
                i += skip;
                continue;
            }
            word += command.at(++i);
            inWord = true;
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"') ||
                   (c == QLatin1Char('$') && i + 1 < size && command.at(i + 1) == QLatin1Char('\''))) {
            const bool ansi = c == QLatin1Char('$');
            const QChar quote = ansi ? QLatin1Char('\'') : c;
            if (ansi)
                ++i;
            QByteArray bytes; // escaped bytes not yet added to the word
            bool ended = false; // a NUL ended the string: the rest up to the quote is dropped
            for (++i; i < size && command.at(i) != quote; ++i) {
                const QChar d = command.at(i);
                if (ansi && d == QLatin1Char('\\') && i + 1 < size) {
                    const QString text = ansiEscape(command, i, bytes, ended);
                    if (!text.isEmpty() && !ended) {
                        word += textOfBytes(std::exchange(bytes, {}));
                        word += text;
                    }
                    continue;
                }
                word += textOfBytes(std::exchange(bytes, {}));
                if (ended) {
                    continue;
                } else if (d != QLatin1Char('\\') || i + 1 >= size || quote == QLatin1Char('\'')) {
                    word += d;
                } else if (const qsizetype skip = continuation(i)) {
                    i += skip; // a line continued
                } else {
                    // In double quotes a backslash escapes only these; before anything else it stays.
                    const QChar next = command.at(i + 1);
                    if (QStringView(u"$`\"\\").contains(next)) {
                        ++i;
                        word += next;
                    } else {
                        word += d;
                    }
                }
            }
            word += textOfBytes(bytes);
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

// curl's short options that take an argument (the others are flags), and its long options that do, beside
// those read below: their argument is skipped, never read as the address.
constexpr QStringView ShortOptionsWithArgument = u"HAebXdFuxowmTEKrcDUYytzPQC";
constexpr std::initializer_list<const char *> LongOptionsWithArgument {
    "--proxy",
    "--output",
    "--write-out",
    "--max-time",
    "--upload-file",
    "--cert",
    "--config",
    "--range",
    "--cookie-jar",
    "--dump-header",
    "--proxy-user",
    "--speed-limit",
    "--speed-time",
    "--telnet-option",
    "--time-cond",
    "--ftp-port",
    "--quote",
    "--continue-at",
    "--cacert",
    "--capath",
    "--key",
    "--key-type",
    "--cert-type",
    "--connect-timeout",
    "--resolve",
    "--connect-to",
    "--retry",
    "--retry-delay",
    "--retry-max-time",
    "--limit-rate",
    "--interface",
    "--max-redirs",
    "--max-filesize",
    "--proxy-header",
    "--noproxy",
    "--output-dir",
    "--ciphers",
    "--preproxy",
    "--socks4",
    "--socks4a",
    "--socks5",
    "--socks5-hostname",
    "--unix-socket",
    "--abstract-unix-socket",
    "--trace",
    "--trace-ascii",
    "--stderr",
    "--url-query",
    "--netrc-file",
    "--aws-sigv4",
    "--variable",
    "--tls-max",
    "--pinnedpubkey",
    "--dns-servers",
    "--expect100-timeout",
    "--keepalive-time",
    "--local-port",
    "--happy-eyeballs-timeout-ms",
};

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
        bool attached = false; // the argument is part of the option's word: -HAccept:x, -XPOST
        // A word of short options is read as curl does, letter by letter: flags (-sSL) until one that
        // takes an argument, which is the rest of the word or the next word (-sSLH 'X-A: a' is -H).
        if (option.size() > 1 && option.startsWith(QLatin1Char('-')) &&
            !option.startsWith(QLatin1String("--"))) {
            qsizetype letter = 1;
            while (letter < option.size() && !ShortOptionsWithArgument.contains(option.at(letter)))
                ++letter;
            if (letter == option.size())
                continue; // flags only
            attached = letter + 1 < option.size();
            argument = attached ? option.mid(letter + 1) : i + 1 < words.size() ? words.at(i + 1) : QString();
            option = QStringLiteral("-") + option.at(letter);
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
        } else if ((option.size() == 2 && option.startsWith(QLatin1Char('-'))) ||
                   isOneOf(option, LongOptionsWithArgument)) {
            // Its argument is no address (-x http://proxy:8080 was read as the command's address).
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
        for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded)) {
            // `?=&a=1` has an item with neither: no row, as a blank pasted line makes none.
            if (!name.isEmpty() || !value.isEmpty())
                rows.append({name, value, true});
        }
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
