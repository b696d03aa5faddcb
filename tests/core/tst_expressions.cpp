// Templates, the plain-path fast path, JavaScript expressions, text conversion and secret masking.
#include "run/JsonBodyTemplate.h"
#include "script/ExpressionEvaluator.h"
#include "script/Scope.h"
#include "script/ScriptEngine.h"
#include "script/SecretMasker.h"
#include "script/Template.h"
#include "script/VisibleText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUrl>

#include <cmath>

using namespace AuthStudio;

class TestExpressions : public QObject
{
    Q_OBJECT

private:
    static Scope sampleScope()
    {
        Scope scope;
        scope.set(QStringLiteral("form1"),
                  QJsonObject {{QStringLiteral("email"), QStringLiteral("a@b.c")},
                               {QStringLiteral("password"), QStringLiteral("s3cret-pw")}});
        scope.set(
            QStringLiteral("http1"),
            QJsonObject {
                {QStringLiteral("status"), 200},
                {QStringLiteral("headers"),
                 QJsonObject {{QStringLiteral("content-type"), QStringLiteral("application/json")}}},
                {QStringLiteral("body"),
                 QJsonObject {{QStringLiteral("token"), QStringLiteral("abc.def")},
                              {QStringLiteral("expires_in"), 3600},
                              {QStringLiteral("items"), QJsonArray {QJsonObject {{QStringLiteral("id"), 7}}}},
                              {QStringLiteral("nothing"), QJsonValue()}}}});
        scope.set(QStringLiteral("TOKEN"), QStringLiteral("tok-123"));
        return scope;
    }

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("parts");
        QTest::addColumn<bool>("single");
        QTest::addColumn<bool>("valid");
        QTest::newRow("literal") << QStringLiteral("plain text") << 1 << false << true;
        QTest::newRow("empty") << QString() << 0 << false << true;
        QTest::newRow("single") << QStringLiteral("{{ TOKEN }}") << 1 << true << true;
        QTest::newRow("mixed") << QStringLiteral("Bearer {{ TOKEN }}!") << 3 << false << true;
        QTest::newRow("object literal") << QStringLiteral("{{ {a: {b: 1}} }}") << 1 << true << true;
        QTest::newRow("braces in string") << QStringLiteral("{{ '}}' + x }}") << 1 << true << true;
        QTest::newRow("unclosed") << QStringLiteral("a {{ b") << 1 << false
                                  << false; // the literal before it stays
        QTest::newRow("empty expression") << QStringLiteral("{{ }}") << 0 << false << false;
    }
    void parse()
    {
        QFETCH(QString, source);
        QFETCH(int, parts);
        QFETCH(bool, single);
        QFETCH(bool, valid);
        const auto parsed = Template::parse(source);
        QCOMPARE(parsed->isValid(), valid);
        QCOMPARE(parsed->parts().size(), parts);
        QCOMPARE(parsed->isSingleExpression(), single);
    }

    void fastPathRecognition_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<bool>("isPath");
        QTest::newRow("name") << QStringLiteral("TOKEN") << true;
        QTest::newRow("dotted") << QStringLiteral("http1.body.token") << true;
        QTest::newRow("index") << QStringLiteral("http1.body.items[0].id") << true;
        QTest::newRow("quoted key") << QStringLiteral("http1.headers['content-type']") << true;
        QTest::newRow("call") << QStringLiteral("TOKEN.toUpperCase()") << false;
        QTest::newRow("operator") << QStringLiteral("a + b") << false;
        QTest::newRow("keyword") << QStringLiteral("true") << false;
        QTest::newRow("number") << QStringLiteral("42") << false;
    }
    void fastPathRecognition()
    {
        QFETCH(QString, expression);
        QFETCH(bool, isPath);
        QList<Template::PathSegment> path;
        QCOMPARE(Template::parsePath(expression, &path), isPath);
    }

    void fastPathNeedsNoEngine_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QJsonValue>("expected");
        QTest::newRow("string") << QStringLiteral("{{ http1.body.token }}")
                                << QJsonValue(QStringLiteral("abc.def"));
        QTest::newRow("number keeps type")
            << QStringLiteral("{{ http1.body.expires_in }}") << QJsonValue(3600);
        QTest::newRow("array index") << QStringLiteral("{{ http1.body.items[0].id }}") << QJsonValue(7);
        QTest::newRow("quoted key") << QStringLiteral("{{ http1.headers['content-type'] }}")
                                    << QJsonValue(QStringLiteral("application/json"));
        QTest::newRow("interpolated")
            << QStringLiteral("Bearer {{ TOKEN }}") << QJsonValue(QStringLiteral("Bearer tok-123"));
        QTest::newRow("number in text")
            << QStringLiteral("ttl={{ http1.body.expires_in }}s") << QJsonValue(QStringLiteral("ttl=3600s"));
        QTest::newRow("object in text")
            << QStringLiteral("x{{ http1.body.items }}") << QJsonValue(QStringLiteral("x[{\"id\":7}]"));
        QTest::newRow("missing property is undefined")
            << QStringLiteral("[{{ http1.body.missing }}]") << QJsonValue(QStringLiteral("[]"));
        QTest::newRow("array length") << QStringLiteral("{{ http1.body.items.length }}") << QJsonValue(1);
        QTest::newRow("literal") << QStringLiteral("no expressions")
                                 << QJsonValue(QStringLiteral("no expressions"));
    }
    void fastPathNeedsNoEngine()
    {
        QFETCH(QString, text);
        QFETCH(QJsonValue, expected);
        const ExpressionEvaluator evaluator(nullptr); // no JavaScript engine at all
        const EvalResult result = evaluator.evaluate(text, sampleScope(), QStringLiteral("test"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.value, expected);
    }

    void pathErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("errorPart");
        QTest::newRow("unknown root")
            << QStringLiteral("{{ NOPE }}") << QStringLiteral("unknown name 'NOPE'");
        QTest::newRow("property of undefined")
            << QStringLiteral("{{ http1.body.missing.deeper }}")
            << QStringLiteral("can't read 'deeper' because 'http1.body.missing' is undefined");
        QTest::newRow("property of null")
            << QStringLiteral("{{ http1.body.nothing.x }}") << QStringLiteral("is null");
        QTest::newRow("unclosed") << QStringLiteral("Bearer {{ TOKEN") << QStringLiteral("never closed");
    }
    void pathErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, errorPart);
        const ExpressionEvaluator evaluator(nullptr);
        const EvalResult result =
            evaluator.interpolate(text, sampleScope(), QStringLiteral("http1, header 'Authorization'"));
        QVERIFY(!result.ok());
        QVERIFY2(result.error.contains(errorPart), qPrintable(result.error));
        QVERIFY2(result.error.startsWith(QStringLiteral("http1, header 'Authorization': ")),
                 qPrintable(result.error));
    }

    void javaScriptExpressions_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QJsonValue>("expected");
        QTest::newRow("method call") << QStringLiteral("{{ TOKEN.toUpperCase() }}")
                                     << QJsonValue(QStringLiteral("TOK-123"));
        QTest::newRow("arithmetic keeps type")
            << QStringLiteral("{{ http1.body.expires_in * 2 }}") << QJsonValue(7200);
        QTest::newRow("ternary") << QStringLiteral("{{ http1.status === 200 ? 'yes' : 'no' }}")
                                 << QJsonValue(QStringLiteral("yes"));
        QTest::newRow("object literal")
            << QStringLiteral("{{ {a: 1} }}") << QJsonValue(QJsonObject {{QStringLiteral("a"), 1}});
        QTest::newRow("btoa") << QStringLiteral("Basic {{ btoa(form1.email + ':' + form1.password) }}")
                              << QJsonValue(QStringLiteral("Basic ") +
                                            QString::fromLatin1(QByteArray("a@b.c:s3cret-pw").toBase64()));
        QTest::newRow("mixed fast and js")
            << QStringLiteral("{{ TOKEN }}/{{ TOKEN.length }}") << QJsonValue(QStringLiteral("tok-123/7"));
        QTest::newRow("builtin JSON") << QStringLiteral("{{ JSON.stringify({t: TOKEN}) }}")
                                      << QJsonValue(QStringLiteral("{\"t\":\"tok-123\"}"));
        // A plain path whose root is one of JavaScript's globals (QA pass 34: "unknown name 'Math'").
        QTest::newRow("a global's property") << QStringLiteral("{{ Math.PI }}") << QJsonValue(M_PI);
        QTest::newRow("a global's property in text") << QStringLiteral("n={{ Number.MAX_SAFE_INTEGER }}")
                                                     << QJsonValue(QStringLiteral("n=9007199254740991"));
    }
    void javaScriptExpressions()
    {
        QFETCH(QString, text);
        QFETCH(QJsonValue, expected);
        ScriptEngine engine;
        const ExpressionEvaluator evaluator(&engine);
        const EvalResult result = evaluator.evaluate(text, sampleScope(), QStringLiteral("test"));
        QVERIFY2(result.ok(), qPrintable(result.error));
        QCOMPARE(result.value, expected);
    }

    void javaScriptErrors_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("errorPart");
        QTest::newRow("unknown name") << QStringLiteral("{{ nope.toString() }}")
                                      << QStringLiteral("ReferenceError: nope is not defined");
        QTest::newRow("throw") << QStringLiteral("{{ (() => { throw new Error('boom') })() }}")
                               << QStringLiteral("Error: boom");
        QTest::newRow("syntax") << QStringLiteral("{{ TOKEN + }}") << QStringLiteral("SyntaxError");
    }
    void javaScriptErrors()
    {
        QFETCH(QString, text);
        QFETCH(QString, errorPart);
        ScriptEngine engine;
        const ExpressionEvaluator evaluator(&engine);
        const EvalResult result = evaluator.evaluate(text, sampleScope(), QStringLiteral("TOKEN, value"));
        QVERIFY(!result.ok());
        QVERIFY2(result.error.startsWith(QStringLiteral("TOKEN, value: ")), qPrintable(result.error));
        QVERIFY2(result.error.contains(errorPart), qPrintable(result.error));
    }

    void scopeChangesReachJavaScript()
    {
        // The engine caches globals per scope revision; a changed value must be seen.
        ScriptEngine engine;
        const ExpressionEvaluator evaluator(&engine);
        Scope scope;
        scope.set(QStringLiteral("x"), 1);
        QCOMPARE(evaluator.evaluate(QStringLiteral("{{ x + 1 }}"), scope, QStringLiteral("t")).value,
                 QJsonValue(2));
        scope.set(QStringLiteral("x"), 41);
        QCOMPARE(evaluator.evaluate(QStringLiteral("{{ x + 1 }}"), scope, QStringLiteral("t")).value,
                 QJsonValue(42));
        Scope other; // a different scope without x: x must not leak in from the previous one
        const EvalResult result =
            evaluator.evaluate(QStringLiteral("{{ typeof x }}"), other, QStringLiteral("t"));
        QCOMPARE(result.value, QJsonValue(QStringLiteral("undefined")));
    }

    void valueToText_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("int") << QJsonValue(3600) << QStringLiteral("3600");
        QTest::newRow("fraction") << QJsonValue(0.1) << QStringLiteral("0.1");
        QTest::newRow("bool") << QJsonValue(true) << QStringLiteral("true");
        QTest::newRow("null") << QJsonValue() << QString();
        QTest::newRow("array") << QJsonValue(QJsonArray {1, 2}) << QStringLiteral("[1,2]");
    }
    void valueToText()
    {
        QFETCH(QJsonValue, value);
        QFETCH(QString, text);
        QCOMPARE(AuthStudio::valueToText(value), text);
    }

    // Text from a server or a script shown in a terminal or the Console pane: what would act shows instead.
    void visibleText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("lineBreaks"); // a VisibleText::LineBreaks
        QTest::addColumn<QString>("shown");
        QTest::newRow("plain") << QStringLiteral("a b\tc") << 0 << QStringLiteral("a b\tc");
        QTest::newRow("escape sequence") << QStringLiteral("\x1b[31mred") << 0 << QStringLiteral("^[[31mred");
        QTest::newRow("bare CR, NUL, DEL")
            << QStringLiteral("a\rb\0c\x7f") << 0 << QStringLiteral("a^Mb^@c^?");
        QTest::newRow("CRLF is a line break") << QStringLiteral("a\r\nb") << 0 << QStringLiteral("a\nb");
        QTest::newRow("line break as a symbol")
            << QStringLiteral("a\nb") << 2 << QStringLiteral("a \u21b5 b");
        QTest::newRow("line break in line") << QStringLiteral("a\nb") << 1 << QStringLiteral("a\u2028b");
        QTest::newRow("bidi override and separators")
            << QStringLiteral("x\u202eevil\u2066\u2028") << 0 << QStringLiteral("x\\u202eevil\\u2066\\u2028");
        QTest::newRow("C1 control") << QStringLiteral("\u009b31m") << 0 << QStringLiteral("\\u009b31m");
    }
    void visibleText()
    {
        QFETCH(QString, text);
        QFETCH(int, lineBreaks);
        QFETCH(QString, shown);
        QCOMPARE(VisibleText::of(text, VisibleText::LineBreaks(lineBreaks)), shown);
    }

    void masking()
    {
        SecretMasker masker({QStringLiteral("s3cret-pw"), QStringLiteral("tok")});
        QCOMPARE(masker.maskText(QStringLiteral("password=s3cret-pw;")),
                 QStringLiteral("password=********;"));
        // Short secrets are masked as whole values only, so ordinary text stays readable.
        QCOMPARE(masker.maskText(QStringLiteral("token")), QStringLiteral("token"));
        QCOMPARE(masker.maskText(QStringLiteral("tok")), SecretMasker::mask());
        const QJsonValue masked = masker.maskJson(sampleScope().values());
        const QByteArray text = QJsonDocument(masked.toObject()).toJson();
        QVERIFY(!text.contains("s3cret-pw"));
        QVERIFY(text.contains("a@b.c"));
    }

    // A secret of several words ("Bearer <token>", made by a script from a token that isn't secret itself)
    // has its long words masked on their own: the token shows up alone in the login reply and in a
    // script's console (QA pass 39). Short words, such as the scheme's name, stay readable.
    void maskingTheWordsOfASecret()
    {
        const QString token = QStringLiteral("765762b3f4452e18d47b512");
        SecretMasker masker({QStringLiteral("Bearer ") + token, QStringLiteral("wrong password")});
        QCOMPARE(masker.maskText(QStringLiteral("token ") + token + QStringLiteral(" pw")),
                 QStringLiteral("token ********") + QStringLiteral(" pw"));
        QCOMPARE(masker.maskText(QStringLiteral("Authorization: Bearer ") + token),
                 QStringLiteral("Authorization: ********"));
        QCOMPARE(masker.maskText(QStringLiteral("Bearer tokens are common")),
                 QStringLiteral("Bearer tokens are common"));
        QCOMPARE(masker.maskText(QStringLiteral("Invalid username or password")),
                 QStringLiteral("Invalid username or password"));
        QCOMPARE(masker.maskText(QStringLiteral("wrong password")), SecretMasker::mask());
        const QJsonValue reply = masker.maskJson(QJsonObject {{QStringLiteral("token"), token}});
        QCOMPARE(reply.toObject().value(QStringLiteral("token")).toString(), SecretMasker::mask());
    }

    // A server that echoes a secret back may have encoded it: escaped inside a JSON string (the echo of a
    // JSON body), or percent-encoded in a URL or a form body, by whichever encoder it uses.
    void maskingEncodedEchoes_data()
    {
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("masked");
        const auto row = [](const char *name, const QString &secret, const QString &text,
                            const QString &masked) { QTest::newRow(name) << secret << text << masked; };
        const QString quoted = QStringLiteral("my\"secret\\pass"); // my"secret\pass
        row("JSON-escaped quote and backslash", quoted,
            QStringLiteral("{\"password\":\"my\\\"secret\\\\pass\"}"),
            QStringLiteral("{\"password\":\"********\"}"));
        row("JSON-escaped tab", QStringLiteral("tab\there"), QStringLiteral("\"tab\\there\""),
            QStringLiteral("\"********\""));
        row("JSON-escaped slash", QStringLiteral("a/b/c/d"), QStringLiteral("x=a\\/b\\/c\\/d"),
            QStringLiteral("x=********"));
        row("ASCII-only JSON, lower-case hex", QStringLiteral("p\u00e4ssw\u00f6rd"),
            QStringLiteral("\"p\\u00e4ssw\\u00f6rd\""), QStringLiteral("\"********\""));
        row("ASCII-only JSON, upper-case hex", QStringLiteral("p\u00e4ssw\u00f6rd"),
            QStringLiteral("p\\u00E4ssw\\u00F6rd!"), QStringLiteral("********!"));
        row("beyond the BMP", QStringLiteral("key\U0001F600key"), QStringLiteral("key\\ud83d\\ude00key"),
            QStringLiteral("********"));
        row("percent-encoded space", QStringLiteral("correct horse"),
            QStringLiteral("/post?pw=correct%20horse&x=1"), QStringLiteral("/post?pw=********&x=1"));
        row("form-encoded space", QStringLiteral("correct horse"), QStringLiteral("pw=correct+horse"),
            QStringLiteral("pw=********"));
        row("percent-encoded UTF-8, lower-case hex", QStringLiteral("p\u00e4ss/word"),
            QStringLiteral("?pw=p%c3%a4ss%2fword"), QStringLiteral("?pw=********"));
        row("partly encoded", QStringLiteral("a&b=c d"), QStringLiteral("pw=a%26b=c%20d"),
            QStringLiteral("pw=********"));
        row("short secret, whole value only", QStringLiteral("a b"), QStringLiteral("a+b"),
            SecretMasker::mask());
        row("short secret inside text stays", QStringLiteral("a b"), QStringLiteral("x=a+b"),
            QStringLiteral("x=a+b"));
        // QA pass 23: an error body that echoes a 3-letter password, shown as text.
        row("short secret as a whole JSON string", QStringLiteral("bad"),
            QStringLiteral("HTTP 401: {\"error\":\"bad password\",\"you_sent\":\"bad\"}"),
            QStringLiteral("HTTP 401: {\"error\":\"bad password\",\"you_sent\":\"********\"}"));
        row("short secret as a whole JSON string, escaped", QStringLiteral("a\"b"),
            QStringLiteral("{\"pw\": \"a\\\"b\", \"x\": \"a\\\"bc\"}"),
            QStringLiteral("{\"pw\": \"********\", \"x\": \"a\\\"bc\"}"));
        row("other escapes untouched", QStringLiteral("hunter22"), QStringLiteral("a\\nb%20c+d"),
            QStringLiteral("a\\nb%20c+d"));
        // Base64: a Basic auth header echoed back holds the password inside btoa(email + ":" + password).
        // The whole Base64 word goes: the groups the password shares with the text around it decode to
        // some of its characters ("use:Su", "t!").
        row("Base64 inside a longer text", QStringLiteral("HunterSecret77"),
            QStringLiteral("Basic YWRhQGV4YW1wbGUuY29tOkh1bnRlclNlY3JldDc3"),
            QStringLiteral("Basic ********"));
        row("Base64 with the secret's ends in shared groups", QStringLiteral("Sup3r secret!"),
            QStringLiteral("{\"b4\": \"") + QString::fromLatin1(QByteArray("use:Sup3r secret!").toBase64()) +
                QStringLiteral("\"}"),
            QStringLiteral("{\"b4\": \"********\"}"));
        row("Base64 with padding after the secret", QStringLiteral("Sup3r secret!"),
            QStringLiteral("x ") + QString::fromLatin1(QByteArray("Sup3r secret!").toBase64()) +
                QStringLiteral(" y"),
            QStringLiteral("x ******** y"));
        row("Base64 of the secret alone", QStringLiteral("correct horse battery"),
            QStringLiteral("\"Y29ycmVjdCBob3JzZSBiYXR0ZXJ5\""), QStringLiteral("\"********\""));
        row("URL-safe Base64", QStringLiteral("~~~>>>???secret~~~"),
            QStringLiteral("bearer fn5-Pj4-Pz8_c2VjcmV0fn5-"), QStringLiteral("bearer ********"));
        row("7-character password in a Basic header", QStringLiteral("hunter2"),
            QStringLiteral("Basic ") + QString::fromLatin1(QByteArray("use:hunter2").toBase64()),
            QStringLiteral("Basic ********"));
        row("5-byte secret's Base64", QStringLiteral("abcd1"), QStringLiteral("YWJjZDE="),
            QStringLiteral("********"));
        row("3-character secret's Base64 stays", QStringLiteral("ab1"), QStringLiteral("x YWIx y"),
            QStringLiteral("x YWIx y"));
        // Base64 put in a URL or a JSON string has its '+', '/' and '=' escaped (QA pass 50: btoa(password)
        // as a query parameter, "bXk%2Fc2VjcmV0PnBhc3M%3D", was shown in clear). The whole word goes,
        // escapes and padding included.
        row("Base64 percent-encoded in a URL", QStringLiteral("my?secret>pass"),
            QStringLiteral("GET /echo?auth=bXk%2Fc2VjcmV0PnBhc3M%3D&x=1"),
            QStringLiteral("GET /echo?auth=********&x=1"));
        row("Base64 with an escape before the secret's groups", QStringLiteral("?secretpassword"),
            QStringLiteral("q=YWI%2Fc2VjcmV0cGFzc3dvcmQ%3D&x"), QStringLiteral("q=********&x"));
        row("Base64 percent-encoded, lower-case hex", QStringLiteral("my?secret>pass"),
            QStringLiteral("auth=bXk%2fc2VjcmV0PnBhc3M%3d"), QStringLiteral("auth=********"));
        row("Base64 with '+' percent-encoded, the secret inside", QStringLiteral("p@ss wörd+&=/?#%"),
            QStringLiteral("b=") +
                QString::fromLatin1(QUrl::toPercentEncoding(
                    QString::fromLatin1(QStringLiteral("a@b.c:p@ss wörd+&=/?#%").toUtf8().toBase64()))),
            QStringLiteral("b=********"));
        row("Base64 JSON-escaped", QStringLiteral("my?secret>pass"),
            QStringLiteral("{\"auth\":\"bXk\\/c2VjcmV0PnBhc3M=\"}"),
            QStringLiteral("{\"auth\":\"********\"}"));
        row("Base64 JSON-escaped as \\u002f", QStringLiteral("my?secret>pass"),
            QStringLiteral("{\"auth\":\"bXk\\u002Fc2VjcmV0PnBhc3M\\u003d\"}"),
            QStringLiteral("{\"auth\":\"********\"}"));
        // Found by fuzzing: the regular expression built for a secret of a few thousand characters (a long
        // token) was too large for PCRE2 to compile, so its encoded echoes went unmasked (and Qt's warning
        // printed the expression, the secret in it).
        const QString longSecret = QStringLiteral("ab+/").repeated(750);
        row("long secret, percent-encoded", longSecret,
            QStringLiteral("pw=") + QString::fromLatin1(QUrl::toPercentEncoding(longSecret)) +
                QStringLiteral("&x=1"),
            QStringLiteral("pw=********&x=1"));
        row("long secret, JSON-escaped", longSecret,
            QStringLiteral("{\"pw\":\"") + QString(longSecret).replace(u'/', QStringLiteral("\\/")) +
                QStringLiteral("\"}"),
            QStringLiteral("{\"pw\":\"********\"}"));
    }

    void maskingEncodedEchoes()
    {
        QFETCH(QString, secret);
        QFETCH(QString, text);
        QFETCH(QString, masked);
        QCOMPARE(SecretMasker({secret}).maskText(text), masked);
        // Inside a JSON value too, as the scope inspector and the CLI show replies.
        const QJsonValue json = SecretMasker({secret}).maskJson(QJsonObject {{QStringLiteral("data"), text}});
        QCOMPARE(json.toObject().value(QStringLiteral("data")).toString(), masked);
    }

    // JSON bodies are written from precompiled literal text and evaluated strings: the result must be
    // the same JSON a tree interpolation gives, with every value escaped and typed correctly.
    void jsonBodyTemplate_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QJsonValue>("expected");
        QTest::newRow("strings and literals")
            << QStringLiteral(
                   R"({"b": "{{ form1.email }}", "a": [1, 2.5, true, null, "x"], "c": {"d": "n={{ http1.status }}"}})")
            << QJsonValue(QJsonObject {
                   {QStringLiteral("a"), QJsonArray {1, 2.5, true, QJsonValue(), QStringLiteral("x")}},
                   {QStringLiteral("b"), QStringLiteral("a@b.c")},
                   {QStringLiteral("c"), QJsonObject {{QStringLiteral("d"), QStringLiteral("n=200")}}}});
        QTest::newRow("typed values")
            << QStringLiteral(R"(["{{ http1.status }}", "{{ http1.body }}", "{{ http1.body.missing }}"])")
            << QJsonValue(QJsonArray {200,
                                      QJsonObject {{QStringLiteral("token"), QStringLiteral("abc")},
                                                   {QStringLiteral("list"), QJsonArray {1, 2}}},
                                      QJsonValue()});
        QTest::newRow("escaping") << QStringLiteral("{\"s\": \"{{ TRICKY }}\", \"k\\\"ey\": \"v\"}")
                                  << QJsonValue(
                                         QJsonObject {{QStringLiteral("s"),
                                                       QStringLiteral("q\"b\\n\nt\tc\x01 \u00fc\u20ac")},
                                                      {QStringLiteral("k\"ey"), QStringLiteral("v")}});
        QTest::newRow("templated key")
            << QStringLiteral(R"({"{{ form1.email }}": ["{{ http1.status }}"]})")
            << QJsonValue(QJsonObject {{QStringLiteral("a@b.c"), QJsonArray {200}}});
    }
    void jsonBodyTemplate()
    {
        QFETCH(QString, body);
        QFETCH(QJsonValue, expected);
        Scope scope;
        scope.set(QStringLiteral("form1"), QJsonObject {{QStringLiteral("email"), QStringLiteral("a@b.c")}});
        scope.set(QStringLiteral("http1"),
                  QJsonObject {{QStringLiteral("status"), 200},
                               {QStringLiteral("body"),
                                QJsonObject {{QStringLiteral("token"), QStringLiteral("abc")},
                                             {QStringLiteral("list"), QJsonArray {1, 2}}}}});
        scope.set(QStringLiteral("TRICKY"), QStringLiteral("q\"b\\n\nt\tc\x01 \u00fc\u20ac"));
        const ExpressionEvaluator evaluator;
        const auto parsedTemplate = JsonBodyTemplate::parse(body);
        QVERIFY(parsedTemplate->isValid());
        QString error;
        const QByteArray json = parsedTemplate->render(scope, evaluator, QStringLiteral("http1"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
        QVERIFY2(parseError.error == QJsonParseError::NoError, json.constData());
        QCOMPARE(document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object()), expected);
    }

    void jsonBodyTemplateErrors()
    {
        QVERIFY(!JsonBodyTemplate::parse(QStringLiteral(R"({"a": )"))->isValid());
        const ExpressionEvaluator evaluator;
        QString error;
        const QByteArray json = JsonBodyTemplate::parse(QStringLiteral(R"({"a": [1, "{{ nope.x }}"]})"))
                                    ->render(Scope(), evaluator, QStringLiteral("http2"), &error);
        QVERIFY(json.isNull());
        QVERIFY2(error.startsWith(QStringLiteral("http2, body /a/1: unknown name 'nope'")),
                 qPrintable(error));
    }

    // Where a body breaks JSON, in the editor's terms: characters, not the parser's UTF-8 bytes, as a line
    // and a column counted from 1.
    void jsonBodySyntaxError()
    {
        QVERIFY(!JsonBodyTemplate::syntaxError(QStringLiteral(R"({"a": "{{ x }}"})")));
        const auto error =
            JsonBodyTemplate::syntaxError(QStringLiteral("{\"a\": 1,\n  \"\u00E9\": \"\u00FC\" \"x\"}"));
        QVERIFY(error);
        QCOMPARE(error->reason, QStringLiteral("unterminated object"));
        QCOMPARE(error->offset, qsizetype(21)); // 23 bytes
        QCOMPARE(error->line, 2);
        QCOMPARE(error->column, 12); // the '"' that opens "x", where the comma was missing
        QVERIFY(!error->expressionOutsideString);
        const auto bare =
            JsonBodyTemplate::syntaxError(QStringLiteral("{\n  \"na\u00EFve\": {{ form1.email }}\n}"));
        QVERIFY(bare);
        QCOMPARE(bare->line, 2);
        QCOMPARE(bare->column, 13); // the second "{", where a key was due
        QVERIFY(bare->expressionOutsideString);
    }

    void scopeMerge()
    {
        Scope base;
        base.set(QStringLiteral("DEMO_API"), QStringLiteral("http://a"));
        base.set(QStringLiteral("TOKEN"), QStringLiteral("old"));
        Scope session;
        session.set(QStringLiteral("TOKEN"), QStringLiteral("new-token"));
        session.markSecretName(QStringLiteral("TOKEN"));
        session.addSecret(QStringLiteral("new-token"));
        base.merge(session);
        QCOMPARE(base.value(QStringLiteral("TOKEN")).toString(), QStringLiteral("new-token"));
        QCOMPARE(base.value(QStringLiteral("DEMO_API")).toString(), QStringLiteral("http://a"));
        QVERIFY(base.isSecretName(QStringLiteral("TOKEN")));
        QVERIFY(base.secrets().contains(QStringLiteral("new-token")));
        QVERIFY(base.revision(QStringLiteral("TOKEN")) != session.revision(QStringLiteral("TOKEN")));
    }
};

QTEST_GUILESS_MAIN(TestExpressions)
#include "tst_expressions.moc"
