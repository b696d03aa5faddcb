#include "ResourceReferences.h"

#include "JavaScriptIdentifier.h"
#include "Template.h"
#include "model/Resource.h"

#include <QSet>

namespace AuthStudio::ResourceReferences {

namespace {

void addRootNames(QStringList &names, const QString &text)
{
    if (!text.contains(QLatin1String("{{")))
        return;
    for (const QString &name : Template::parse(text)->rootNames()) {
        if (!names.contains(name))
            names.append(name);
    }
}

void addRootNames(QStringList &names, const KeyValueList &rows)
{
    for (const KeyValue &row : rows) {
        addRootNames(names, row.name);
        addRootNames(names, row.value);
    }
}

} // namespace

QStringList outsideNames(const Resource &resource)
{
    QStringList used;
    addRootNames(used, resource.baseUrl);
    addRootNames(used, resource.headers);
    addRootNames(used, resource.urlParameters);
    addRootNames(used, resource.bodyDefaults);
    addRootNames(used, resource.customAuth.loginTestUrl);
    addRootNames(used, resource.customAuth.expiresIn);
    QSet<QString> inside;
    for (const Workflow *workflow :
         {&resource.customAuth.authWorkflow, &resource.customAuth.refreshWorkflow}) {
        for (const Step &step : workflow->steps) {
            inside.insert(stepName(step));
            if (const auto *request = std::get_if<ApiRequestStep>(&step)) {
                for (const QString &text : request->templateTexts())
                    addRootNames(used, text);
            } else if (const auto *variable = std::get_if<DefineVariableStep>(&step)) {
                addRootNames(used, variable->value);
            }
            // Form steps hold no expressions; a script's reads can't be told without running it.
        }
    }
    QStringList outside;
    for (const QString &name : std::as_const(used)) {
        if (!inside.contains(name))
            outside.append(name);
    }
    return outside;
}

QStringList authStepsReadByRefresh(const Resource &resource)
{
    const Workflow &auth = resource.customAuth.authWorkflow;
    const QStringList kept = auth.definedVariableNames();
    const Workflow &refresh = resource.customAuth.refreshWorkflow;
    QStringList lost;
    QSet<QString> before; // the refresh steps that ran before the one read: their names are theirs
    const auto check = [&](const QString &name) {
        if (auth.hasName(name) && !kept.contains(name) && !before.contains(name) && !lost.contains(name))
            lost.append(name);
    };
    for (const Step &step : refresh.steps) {
        QStringList read;
        if (const auto *request = std::get_if<ApiRequestStep>(&step)) {
            for (const QString &text : request->templateTexts())
                addRootNames(read, text);
        } else if (const auto *variable = std::get_if<DefineVariableStep>(&step)) {
            addRootNames(read, variable->value);
        } else if (const auto *script = std::get_if<JavaScriptStep>(&step)) {
            // A script's names, as written: a local variable called like an auth step is unlikely
            // enough, and a script reading form1 fails as surely (QA pass 33).
            const QString &code = script->code;
            for (qsizetype at = 0; at < code.size();) {
                if (!JavaScriptIdentifier::isStart(code.at(at)) ||
                    (at > 0 && (JavaScriptIdentifier::isPart(code.at(at - 1)) || code.at(at - 1) == u'.'))) {
                    ++at;
                    continue;
                }
                qsizetype end = at;
                while (end < code.size() && JavaScriptIdentifier::isPart(code.at(end)))
                    ++end;
                if (!read.contains(code.mid(at, end - at)))
                    read.append(code.mid(at, end - at));
                at = end;
            }
        }
        for (const QString &name : std::as_const(read))
            check(name);
        before.insert(stepName(step));
    }
    return lost;
}

QString asExpressions(const QStringList &names)
{
    QStringList written;
    written.reserve(names.size());
    for (const QString &name : names)
        written.append(QStringLiteral("{{ %1 }}").arg(name));
    return written.join(QStringLiteral(", "));
}

} // namespace AuthStudio::ResourceReferences
