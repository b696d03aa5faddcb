// Fuzzes what the studio and the CLI do to text a server or a script sends before showing it: SecretMasker
// (no secret may show, as written or as an encoder writes it) and VisibleText (no control character may
// act). The input is "secret\x01secret...\0text".
#include "FuzzCheck.h"
#include "script/SecretMasker.h"
#include "script/VisibleText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

using namespace AuthStudio;

namespace {

// A secret the masked text must not show: long enough to be masked inside other text, and not made of
// the mask's own characters.
bool mustVanish(const QString &secret)
{
    return secret.size() >= SecretMasker::MinSubstringLength && !secret.contains(u'*');
}

void checkVisible(const QString &text)
{
    using VisibleText::LineBreaks;
    for (const LineBreaks lineBreaks : {LineBreaks::Keep, LineBreaks::InLine, LineBreaks::Symbol}) {
        const QString shown = VisibleText::of(text, lineBreaks);
        for (const QChar c : shown) {
            const char16_t u = c.unicode();
            if (u == u'\n' && lineBreaks == LineBreaks::Keep)
                continue;
            if (u == 0x2028 && lineBreaks == LineBreaks::InLine)
                continue;
            FUZZ_CHECK(u == u'\t' ||
                       !(u < 0x20 || (u >= 0x7f && u <= 0x9f) || u == 0x2028 || u == 0x2029 ||
                         (u >= 0x202a && u <= 0x202e) || (u >= 0x2066 && u <= 0x2069)));
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = Fuzz::bytes(data, size);
    const qsizetype split = input.indexOf('\0');
    const QString text = QString::fromUtf8(split < 0 ? input : input.mid(split + 1));
    QStringList secrets;
    if (split >= 0) {
        for (const QByteArray &secret : input.left(split).split('\x01').mid(0, 4))
            secrets.append(QString::fromUtf8(secret));
    }
    SecretMasker masker;
    for (const QString &secret : std::as_const(secrets))
        masker.addSecret(secret);

    const QString masked = masker.maskText(text);
    for (const QString &secret : std::as_const(secrets)) {
        if (!mustVanish(secret))
            continue;
        FUZZ_CHECK(!masked.contains(secret));
        // As a form body or a query string writes it, and as a JSON string holds it.
        const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(secret));
        FUZZ_CHECK(!masker.maskText(QStringLiteral("a=") + encoded + QStringLiteral("&b")).contains(encoded));
        const QByteArray json = QJsonDocument(QJsonArray {secret}).toJson(QJsonDocument::Compact);
        const QString maskedJson = masker.maskText(QString::fromUtf8(json));
        FUZZ_CHECK(!maskedJson.contains(secret));
        FUZZ_CHECK(!maskedJson.contains(QString::fromUtf8(json.mid(2, json.size() - 4))));
        // Its Base64 put in a query string, '+', '/' and '=' percent-encoded: no part of it stays.
        const QByteArray base64 = secret.toUtf8().toBase64();
        const QString inUrl = QString::fromLatin1(QUrl::toPercentEncoding(QString::fromLatin1(base64)));
        if (secret.toUtf8().size() >= 5) // what SecretMasker looks for in Base64 (MinBase64Length)
            FUZZ_CHECK(
                !masker.maskText(QStringLiteral("?b=") + inUrl + QStringLiteral("&c")).contains(inUrl));
    }

    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8());
    if (document.isObject())
        masker.maskJson(document.object());
    else if (document.isArray())
        masker.maskJson(document.array());

    checkVisible(text);
    return 0;
}
