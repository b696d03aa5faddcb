#include "TemplateAnalysis.h"

#include "document/DemoWorkspace.h"
#include "format/WorkspaceValidator.h"
#include "script/JavaScriptIdentifier.h"
#include "script/Template.h"

namespace AuthStudio {

QString TemplateAnalysis::unknownNameMessage(const QString &name)
{
    // The placeholders suggest {{ DEMO_API }}, and a new workspace doesn't have it: say how to get it.
    if (name == DemoWorkspace::variableName())
        return tr("unknown name '%1': add a workspace variable named %1 (Workspace variables, Add) to use "
                  "the built-in demo API")
            .arg(name);
    return tr("unknown name '%1'").arg(name);
}

TemplateAnalysis TemplateAnalysis::of(const QString &text, const QStringList *knownNames,
                                      const QHash<QString, QStringList> &knownFields)
{
    TemplateAnalysis analysis;
    // Most lines of a request body hold no expression; they needn't pass through (and crowd) the parser's
    // cache of templates.
    if (!text.contains(QLatin1String("{{")))
        return analysis;
    const std::shared_ptr<const Template> parsed = Template::parse(text);
    QList<Range> inner; // the expressions without their braces
    for (const Template::Part &part : parsed->parts()) {
        if (part.kind == Template::Part::Kind::Literal)
            continue;
        analysis.expressions.append({int(part.sourceStart), int(part.sourceLength)});
        inner.append({int(part.sourceStart + 2), int(part.sourceLength - 4)});
    }
    if (parsed->unclosedAt() >= 0) {
        analysis.unclosedAt = int(parsed->unclosedAt());
        analysis.expressions.append({analysis.unclosedAt, int(text.size() - analysis.unclosedAt)});
    }

    // Names are checked in the parts before an unclosed "{{" as well, so they show while typing on.
    QStringList messages;
    if (!parsed->isValid())
        messages.append(parsed->error());
    if (!knownNames) {
        analysis.diagnostic = messages.join(u'\n');
        return analysis;
    }
    const QStringList roots = parsed->rootNames();
    for (const QString &name : roots) {
        // {{ Math.PI }} is JavaScript's: evaluated, not looked up (ExpressionEvaluator).
        if (!knownNames->contains(name) && !JavaScriptIdentifier::isBuiltinGlobal(name)) {
            analysis.unknownNames.append(name);
            messages.append(unknownNameMessage(name));
        }
    }
    for (const Range &range : std::as_const(inner)) {
        const QString expression = text.mid(range.start, range.length);
        qsizetype leading = 0;
        while (leading < expression.size() && expression.at(leading).isSpace())
            ++leading;
        QList<Template::PathSegment> path;
        if (!Template::parsePath(expression.trimmed(), &path))
            continue;
        const QString &root = path.first().key;
        if (analysis.unknownNames.contains(root)) {
            analysis.unknownNameRanges.append({int(range.start + leading), int(root.size())});
            continue;
        }
        // A field the step's result never has: the run reads it as empty and sends that, silently.
        const auto fields = knownFields.constFind(root);
        if (path.size() < 2 || fields == knownFields.cend())
            continue;
        const QString &field = path.at(1).key;
        // Keys that aren't identifiers (form1["first-name"]) aren't among the fields completion offers.
        if (!WorkspaceValidator::isIdentifier(field) || fields->contains(field))
            continue;
        const qsizetype at = expression.indexOf(field, leading + root.size());
        analysis.unknownNameRanges.append({int(range.start + at), int(field.size())});
        const QString name = root + u'.' + field;
        if (!analysis.unknownNames.contains(name)) {
            analysis.unknownNames.append(name);
            messages.append(tr("%1 has no field '%2'").arg(root, field));
        }
    }
    analysis.diagnostic = messages.join(u'\n');
    return analysis;
}

} // namespace AuthStudio
