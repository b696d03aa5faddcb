// Fuzzes the JavaScript lexer the script editors run on every key press (JavaScriptSource), and the
// rewrites ReferenceRenamer builds on it, with whatever a user may type. The first byte picks the context
// (a step's statements or a {{ }} expression); the rest is the code.
#include "FuzzCheck.h"
#include "script/JavaScriptSource.h"
#include "script/ReferenceRenamer.h"

using namespace AuthStudio;

namespace {

void checkRanges(const QString &code, const QStringList &names, JavaScriptSource::Context context)
{
    const QList<JavaScriptSource::Range> ranges = JavaScriptSource::rootReferences(code, names, context);
    qsizetype end = 0;
    for (const JavaScriptSource::Range &range : ranges) {
        FUZZ_CHECK(range.start >= end);
        FUZZ_CHECK(range.length > 0 && range.start + range.length <= code.size());
        FUZZ_CHECK(names.contains(code.mid(range.start, range.length)));
        end = range.start + range.length;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const auto context =
        (data[0] & 1) ? JavaScriptSource::Context::Expression : JavaScriptSource::Context::Statements;
    const QString code = Fuzz::text(data + 1, size - 1);

    // The positions an editor asks about: every one in short code, a sample in long code (each call lexes
    // from the start).
    const qsizetype stride = qMax<qsizetype>(1, code.size() / 64);
    for (qsizetype position = 0; position <= code.size(); position += stride)
        JavaScriptSource::isCodeAt(code, position, context);
    JavaScriptSource::isCodeAt(code, code.size(), context);

    checkRanges(code, {QStringLiteral("http1"), QStringLiteral("TOKEN"), QStringLiteral("a")}, context);

    // A name the code doesn't hold can't be renamed anywhere in it.
    const QString absent = QStringLiteral("zz9absent");
    if (!code.contains(absent)) {
        FUZZ_CHECK(JavaScriptSource::renameReferences(code, absent, QStringLiteral("b"), context) == code);
        FUZZ_CHECK(JavaScriptSource::renameMember(code, absent, QStringLiteral("x"), QStringLiteral("y"),
                                                  context) == code);
    }
    JavaScriptSource::renameReferences(code, QStringLiteral("a"), QStringLiteral("b"), context);
    JavaScriptSource::renameMember(code, QStringLiteral("form1"), QStringLiteral("email"),
                                   QStringLiteral("mail"), context);

    const ReferenceRenamer renamer(QStringLiteral("http1"), QStringLiteral("login"));
    renamer.renameInScript(code);
    renamer.renameInTemplate(code);
    renamer.renameInJsonTemplate(code);
    return 0;
}
