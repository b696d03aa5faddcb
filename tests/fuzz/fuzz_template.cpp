// Fuzzes Template, the {{ expression }} parser behind every field, and TemplateAnalysis, which the field
// editors run on it at every key press, with whatever a user may type: the parts and ranges they find must
// lie in the text as it was written.
#include "FuzzCheck.h"
#include "script/Template.h"
#include "widgets/TemplateAnalysis.h"

#include <algorithm>

using namespace AuthStudio;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString source = Fuzz::text(data, size);
    const std::shared_ptr<const Template> parsed = Template::parse(source);
    FUZZ_CHECK(parsed->isValid() == parsed->error().isEmpty());
    FUZZ_CHECK(parsed->unclosedAt() < source.size());
    if (parsed->unclosedAt() >= 0)
        FUZZ_CHECK(QStringView(source).mid(parsed->unclosedAt(), 2) == u"{{");
    for (const Template::Part &part : parsed->parts()) {
        if (part.kind == Template::Part::Kind::Literal)
            continue;
        FUZZ_CHECK(part.sourceStart >= 0 && part.sourceLength >= 4);
        FUZZ_CHECK(part.sourceStart + part.sourceLength <= source.size());
        const QStringView span = QStringView(source).mid(part.sourceStart, part.sourceLength);
        FUZZ_CHECK(span.startsWith(u"{{") && span.endsWith(u"}}"));
        FUZZ_CHECK(part.kind != Template::Part::Kind::Path || !part.path.isEmpty());
    }
    parsed->rootNames();

    const QStringList knownNames {QStringLiteral("http1"), QStringLiteral("form1"), QStringLiteral("TOKEN")};
    const QHash<QString, QStringList> knownFields {
        {QStringLiteral("form1"), {QStringLiteral("email"), QStringLiteral("password")}},
        {QStringLiteral("http1"),
         {QStringLiteral("status"), QStringLiteral("headers"), QStringLiteral("body")}}};
    const TemplateAnalysis analysis = TemplateAnalysis::of(source, &knownNames, knownFields);
    const auto inText = [&source](const TemplateAnalysis::Range &range) {
        return range.start >= 0 && range.length >= 0 && range.start + range.length <= source.size();
    };
    for (const TemplateAnalysis::Range &range : analysis.expressions)
        FUZZ_CHECK(inText(range));
    for (const TemplateAnalysis::Range &range : analysis.unknownNameRanges) {
        FUZZ_CHECK(inText(range));
        const QString written = source.mid(range.start, range.length);
        FUZZ_CHECK(std::any_of(
            analysis.unknownNames.cbegin(), analysis.unknownNames.cend(),
            [&written](const QString &name) { return name == written || name.endsWith(u'.' + written); }));
    }
    TemplateAnalysis::of(source, nullptr);

    QList<Template::PathSegment> path;
    Template::parsePath(source, &path);
    return 0;
}
