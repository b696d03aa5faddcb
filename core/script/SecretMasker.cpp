#include "SecretMasker.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QVarLengthArray>

#include <algorithm>

namespace AuthStudio {

namespace {

// The secret as a JSON string holds it, without the quotes (QJsonDocument's escaping, as servers write).
QString jsonEscaped(const QString &secret)
{
    const QByteArray array = QJsonDocument(QJsonArray {secret}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(array.mid(2, array.size() - 4)); // inside ["…"]
}

// The ways one character of a secret can be written by an encoder: as itself, as a JSON escape (\", \\,
// \/, \n and the like, or \uXXXX), percent-encoded byte by byte, and a space as "+".
QStringList characterWays(const QString &character)
{
    QStringList ways {character};
    static const QHash<QChar, QString> shortEscapes {
        {u'"', QStringLiteral("\\\"")}, {u'\\', QStringLiteral("\\\\")}, {u'/', QStringLiteral("\\/")},
        {u'\b', QStringLiteral("\\b")}, {u'\f', QStringLiteral("\\f")},  {u'\n', QStringLiteral("\\n")},
        {u'\r', QStringLiteral("\\r")}, {u'\t', QStringLiteral("\\t")}};
    if (character.size() == 1 && shortEscapes.contains(character.at(0)))
        ways.append(shortEscapes.value(character.at(0)));
    QString unicodeEscape;
    for (const QChar unit : character)
        unicodeEscape += QStringLiteral("\\u%1").arg(unit.unicode(), 4, 16, QLatin1Char('0'));
    ways.append(unicodeEscape);
    QString percent;
    for (const char byte : character.toUtf8())
        percent += QStringLiteral("%%1").arg(uchar(byte), 2, 16, QLatin1Char('0'));
    ways.append(percent);
    if (character == QStringLiteral(" "))
        ways.append(QStringLiteral("+"));
    return ways;
}

// Whether `text` holds `way` at `at`. The hex digits of a percent-encoded byte or a \uXXXX escape may be in
// either case, as encoders differ ("%2f" or "%2F", "\u00e9" or "\u00E9"); those of a character as itself or a
// short escape ("\b", "\f") may not.
bool writesAt(QStringView text, qsizetype at, const QString &way)
{
    if (way.size() > text.size() - at)
        return false;
    const bool anyCaseHex = way.startsWith(u'%') || way.startsWith(QLatin1String("\\u"));
    for (qsizetype i = 0; i < way.size(); ++i) {
        const QChar written = text.at(at + i);
        const QChar expected = way.at(i);
        if (written != expected &&
            !(anyCaseHex && expected >= u'a' && expected <= u'f' && written == expected.toUpper()))
            return false;
    }
    return true;
}

// Where the secret, each of its characters written in one of its ways, ends when it starts at `start` in
// `text` (the furthest such end, so the mask covers all of it); -1 when it doesn't start there. Each
// character is matched from every end the characters before it can have, as "\\" may be one escaped
// backslash or two plain ones.
qsizetype encodedEnd(QStringView text, qsizetype start, const QList<QStringList> &secret)
{
    QVarLengthArray<qsizetype, 8> ends {start};
    QVarLengthArray<qsizetype, 8> next;
    for (const QStringList &character : secret) {
        next.clear();
        for (const qsizetype at : std::as_const(ends)) {
            for (const QString &way : character) {
                const qsizetype end = at + way.size();
                if (writesAt(text, at, way) && !next.contains(end))
                    next.append(end);
            }
        }
        if (next.isEmpty())
            return -1;
        std::swap(ends, next);
    }
    return *std::max_element(ends.cbegin(), ends.cend());
}

// The Base64 text a secret becomes inside the Base64 encoding of a longer text ("Basic " + btoa(user + ":"
// + password)). Base64 writes three bytes as four characters, so what the secret's own bytes become depends
// on where it starts in a group of three: for each of the three starts, the characters of the groups that
// hold the secret's bytes only. The groups at either end, shared with the text around it, decode to a byte
// or two of the secret: maskText() masks the whole Base64 word a form is found in.
// Standard and URL-safe alphabets.
QStringList base64Forms(const QString &secret)
{
    const QByteArray bytes = secret.toUtf8();
    QStringList forms;
    for (int start = 0; start < 3; ++start) {
        const QByteArray whole = bytes.mid(start, (bytes.size() - start) / 3 * 3);
        for (const auto alphabet : {QByteArray::Base64Encoding, QByteArray::Base64UrlEncoding}) {
            const QString form = QString::fromLatin1(whole.toBase64(alphabet));
            if (form.size() >= SecretMasker::MinBase64Length && !forms.contains(form))
                forms.append(form);
        }
    }
    return forms;
}

bool isBase64Character(QChar c)
{
    return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'+' ||
        c == u'/' || c == u'-' || c == u'_';
}

// The Base64 character ('=' padding included) that an encoder wrote at `at` in `text` where it escapes
// it: percent-encoded in a URL ("%2F", "%2B", "%3D") or JSON-escaped ("\\/", "\\u002F"); with how many
// characters it took. A null character and 0 when there is none.
std::pair<QChar, qsizetype> encodedBase64CharacterAt(QStringView text, qsizetype at)
{
    static const QList<std::pair<QString, QChar>> ways {
        {QStringLiteral("%2b"), u'+'},     {QStringLiteral("%2f"), u'/'},
        {QStringLiteral("%3d"), u'='},     {QStringLiteral("\\/"), u'/'},
        {QStringLiteral("\\u002b"), u'+'}, {QStringLiteral("\\u002f"), u'/'},
        {QStringLiteral("\\u003d"), u'='}};
    if (at < 0 || at >= text.size() || (text.at(at) != u'%' && text.at(at) != u'\\'))
        return {};
    for (const auto &[way, character] : ways) {
        if (text.mid(at).startsWith(way, Qt::CaseInsensitive))
            return {character, way.size()};
    }
    return {};
}

// The Base64 word around text[from, to): the run of Base64 characters, as written or escaped, with its
// padding.
std::pair<qsizetype, qsizetype> base64Word(QStringView text, qsizetype from, qsizetype to)
{
    // An escaped '+' or '/' ending at `end`: its length, or 0.
    const auto escapeEndingAt = [text](qsizetype end) -> qsizetype {
        for (const qsizetype length : {6, 3, 2}) {
            const auto [written, taken] = encodedBase64CharacterAt(text, end - length);
            if (taken == length && written != u'=')
                return length;
        }
        return 0;
    };
    qsizetype start = from;
    for (;;) {
        // An escape first: its tail ("2F", "u002f") is made of Base64 characters, and stepping over them
        // one by one stopped at its '%' or '\\', leaving the bytes of the secret before it in clear.
        if (const qsizetype length = escapeEndingAt(start))
            start -= length;
        else if (start > 0 && isBase64Character(text.at(start - 1)))
            --start;
        else
            break;
    }
    qsizetype end = to;
    bool padding = false;
    for (;;) {
        const auto [written, length] = encodedBase64CharacterAt(text, end);
        const QChar c = length > 0 ? written : end < text.size() ? text.at(end) : QChar();
        if (c == u'=')
            padding = true;
        else if (padding || !isBase64Character(c))
            break;
        end += std::max<qsizetype>(length, 1);
    }
    return {start, end};
}

// Masks each Base64 word that holds `form` as written.
void maskBase64Words(QString &text, const QString &form, const QString &mask)
{
    qsizetype from = 0;
    while ((from = text.indexOf(form, from)) >= 0) {
        const auto [start, end] = base64Word(text, from, from + form.size());
        text.replace(start, end - start, mask);
        from = start + mask.size();
    }
}

// Where `form` ends when it starts at `at` in `text` with its '+' and '/' written as an encoder escapes
// them (btoa(password) put in a URL: "bXk%2Fc2Vj…", QA pass 50); -1 when it doesn't start there.
qsizetype escapedBase64FormEnd(QStringView text, qsizetype at, const QString &form)
{
    for (const QChar c : form) {
        if (at < text.size() && text.at(at) == c) {
            ++at;
            continue;
        }
        const auto [written, length] = encodedBase64CharacterAt(text, at);
        if (length == 0 || written != c)
            return -1;
        at += length;
    }
    return at;
}

// Masks each Base64 word that holds `form` with a '+' or '/' of it escaped.
void maskEscapedBase64Words(QString &text, const QString &form, const QString &mask)
{
    for (qsizetype from = 0; from < text.size();) {
        const qsizetype end = escapedBase64FormEnd(text, from, form);
        if (end < 0) {
            ++from;
            continue;
        }
        const auto [start, wordEnd] = base64Word(text, from, end);
        text.replace(start, wordEnd - start, mask);
        from = start + mask.size();
    }
}

// An encoded secret has an escape, a percent sign or a "+" in it: text with none of these is done once the
// secrets as written are masked.
bool mayHoldEncodedText(const QString &text)
{
    return text.contains(QLatin1Char('\\')) || text.contains(QLatin1Char('%')) ||
        text.contains(QLatin1Char('+'));
}

} // namespace

SecretMasker::SecretMasker(const QSet<QString> &secrets)
{
    for (const QString &secret : secrets)
        addSecret(secret);
}

void SecretMasker::addSecret(const QString &secret)
{
    if (secret.isEmpty() || m_secrets.contains(secret))
        return;
    // Its words, when it has several (see MinSecretWordLength); a plain loop, as maskers are made often.
    qsizetype wordStart = -1;
    for (qsizetype i = 0; i <= secret.size(); ++i) {
        const bool space = i == secret.size() || secret.at(i).isSpace();
        if (!space && wordStart < 0) {
            wordStart = i;
        } else if (space && wordStart >= 0) {
            if (i - wordStart >= MinSecretWordLength && i - wordStart < secret.size())
                addSecret(secret.mid(wordStart, i - wordStart));
            wordStart = -1;
        }
    }
    m_secrets.append(secret);
    const auto longestFirst = [](const QString &a, const QString &b) { return a.size() > b.size(); };
    std::sort(m_secrets.begin(), m_secrets.end(), longestFirst);
    // A secret too short to be masked inside other text isn't looked for inside Base64 either.
    const QStringList forms = secret.size() >= MinSubstringLength ? base64Forms(secret) : QStringList();
    for (const QString &form : forms) {
        if (!m_base64Forms.contains(form))
            m_base64Forms.append(form);
    }
    std::sort(m_base64Forms.begin(), m_base64Forms.end(), longestFirst);
    m_encodedWays.reset();
}

const QList<QList<QStringList>> &SecretMasker::encodedWays() const
{
    if (!m_encodedWays) {
        QList<QList<QStringList>> secrets;
        for (const QString &secret : m_secrets) {
            QList<QStringList> characters;
            for (qsizetype i = 0; i < secret.size(); ++i) {
                const qsizetype length = secret.at(i).isHighSurrogate() && i + 1 < secret.size() ? 2 : 1;
                characters.append(characterWays(secret.mid(i, length)));
                i += length - 1;
            }
            secrets.append(characters);
        }
        m_encodedWays = secrets;
    }
    return *m_encodedWays;
}

QString SecretMasker::maskText(const QString &text) const
{
    QString result = text;
    for (const QString &secret : m_secrets) {
        if (result == secret)
            return mask();
        if (secret.size() >= MinSubstringLength) {
            result.replace(secret, mask());
        } else if (result.contains(QLatin1Char('"'))) {
            // A whole JSON string in the text is a whole value too: a server's error body that echoes a
            // 3-letter password ({"you_sent":"bad"}) is shown as text.
            const QString quoted = QLatin1Char('"') + jsonEscaped(secret) + QLatin1Char('"');
            result.replace(quoted, QLatin1Char('"') + mask() + QLatin1Char('"'));
        }
    }
    for (const QString &form : m_base64Forms)
        maskBase64Words(result, form, mask());
    if (m_secrets.isEmpty() || !mayHoldEncodedText(result))
        return result;
    for (const QString &form : m_base64Forms) {
        if (form.contains(u'+') || form.contains(u'/'))
            maskEscapedBase64Words(result, form, mask());
    }
    // Matched character by character rather than with one regular expression per secret: PCRE2 can't
    // compile the expression of a secret of a few thousand characters (a long token), which then went
    // unmasked, and Qt's warning about it printed the expression, and so the secret, on stderr.
    const QList<QList<QStringList>> &encoded = encodedWays();
    for (qsizetype i = 0; i < m_secrets.size(); ++i) {
        if (m_secrets.at(i).size() < MinSubstringLength) {
            if (encodedEnd(result, 0, encoded.at(i)) == result.size())
                return mask();
            continue;
        }
        QString masked;
        qsizetype copied = 0;
        for (qsizetype start = 0; start < result.size();) {
            const qsizetype end = encodedEnd(result, start, encoded.at(i));
            if (end < 0) {
                ++start;
                continue;
            }
            masked += QStringView(result).mid(copied, start - copied);
            masked += mask();
            copied = start = end;
        }
        if (copied > 0) {
            masked += QStringView(result).mid(copied);
            result = masked;
        }
    }
    return result;
}

QJsonValue SecretMasker::maskJson(const QJsonValue &value) const
{
    if (m_secrets.isEmpty())
        return value;
    switch (value.type()) {
    case QJsonValue::String:
        return maskText(value.toString());
    case QJsonValue::Double:
    case QJsonValue::Bool: {
        // A numeric PIN is still a secret.
        const QString text = value.isBool() ? QString::fromLatin1(value.toBool() ? "true" : "false")
                                            : QString::number(value.toDouble(), 'g', 17);
        return m_secrets.contains(text) ? QJsonValue(mask()) : value;
    }
    case QJsonValue::Array: {
        QJsonArray array;
        for (const QJsonValue &item : value.toArray())
            array.append(maskJson(item));
        return array;
    }
    case QJsonValue::Object: {
        QJsonObject object;
        const QJsonObject source = value.toObject();
        for (auto it = source.constBegin(); it != source.constEnd(); ++it)
            object.insert(maskText(it.key()), maskJson(it.value()));
        return object;
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        break;
    }
    return value;
}

} // namespace AuthStudio
