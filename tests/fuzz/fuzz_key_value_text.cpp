// Fuzzes KeyValueText, which reads whatever is pasted into a header, parameter or variable table: lines of
// `Name: value`, a spreadsheet's columns, or a browser's "Copy as cURL" with bash's quoting ($'...',
// escapes, line continuations). Pasted text is anybody's: it must never crash or hang the editor, what it
// reads must be rows a table can hold, and the notes on what a curl command's rows leave out never carry
// the value of a password, token or body.
#include "FuzzCheck.h"
#include "editor/KeyValueText.h"

#include <utility>

using namespace AuthStudio;

namespace {

// A secret the harness puts after the options whose values are never to be named.
const QString Secret = QStringLiteral("s3cr3t-fuzz-value");

void checkRows(const QString &text, KeyValueText::Style style)
{
    QStringList leftOut {QStringLiteral("stale")};
    const KeyValueList rows = KeyValueText::parse(text, style, &leftOut);
    const bool curl = text.trimmed().startsWith(QLatin1String("curl "));
    FUZZ_CHECK(curl || leftOut.isEmpty()); // cleared, and only a curl command leaves anything out
    for (const KeyValue &row : rows) {
        FUZZ_CHECK(!row.name.isEmpty() || !row.value.isEmpty());
        // HTTP/2's pseudo-headers are left out (a URL parameter of a curl command may start with ':').
        if (style == KeyValueText::Style::Header || !curl)
            FUZZ_CHECK(!row.name.startsWith(QLatin1Char(':')));
        if (!curl) {
            FUZZ_CHECK(row.name == row.name.trimmed() && row.value == row.value.trimmed());
            FUZZ_CHECK(!row.name.contains(QLatin1Char('\n')) && !row.value.contains(QLatin1Char('\n')));
        }
    }
    if (curl)
        FUZZ_CHECK(KeyValueText::looksLikeRows(text));
    KeyValueText::format(rows, style); // what Copy then puts on the clipboard
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = Fuzz::text(data, size);
    KeyValueText::looksLikeRows(text);
    for (const auto style : {KeyValueText::Style::Header, KeyValueText::Style::Assignment})
        checkRows(text, style);

    // The same text as the arguments of a curl command, after each option whose value is a secret: the
    // notes name the option, never its value.
    for (const char *option : {"-u", "--user", "--oauth2-bearer", "-d", "--data-raw", "--json", "-F"}) {
        const QString command = QStringLiteral("curl %1 %2 %3").arg(QLatin1String(option), Secret, text);
        for (const auto style : {KeyValueText::Style::Header, KeyValueText::Style::Assignment}) {
            QStringList leftOut;
            KeyValueText::parse(command, style, &leftOut);
            for (const QString &note : std::as_const(leftOut))
                FUZZ_CHECK(!note.contains(Secret));
        }
    }
    return 0;
}
