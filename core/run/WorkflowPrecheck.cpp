#include "WorkflowPrecheck.h"

#include "JsonBodyTemplate.h"
#include "format/WorkspaceValidator.h"
#include "script/ResourceReferences.h"
#include "script/ScriptSyntaxCheck.h"

#include <algorithm>

namespace AuthStudio {

namespace {

// Why an enabled API Request step can't be sent as written, or empty.
QString requestProblem(const ApiRequestStep &request)
{
    if (const QString url = WorkspaceValidator::requestUrlProblem(request.url); !url.isEmpty()) {
        return request.url.trimmed().isEmpty()
            ? QStringLiteral("has no URL")
            : QStringLiteral("has the URL \u2018%1\u2019: %2").arg(request.url, url);
    }
    for (const KeyValue &header : request.headers) {
        if (const auto problem = WorkspaceValidator::headerProblem(header)) {
            return QStringLiteral("has the header \u2018%1\u2019, which can't be sent: %2")
                .arg(header.name, problem->reason);
        }
    }
    for (const KeyValue &parameter : request.queryParameters) {
        if (const QString problem = WorkspaceValidator::keyValueProblem(parameter); !problem.isEmpty())
            return QStringLiteral("has a query parameter that can't be sent: %1").arg(problem);
    }
    if (request.body.kind == RequestBody::Kind::Json && !request.body.text.trimmed().isEmpty()) {
        if (const auto error = JsonBodyTemplate::syntaxError(request.body.text)) {
            return QStringLiteral("has a JSON body that isn't valid JSON (%1 at line %2, column %3)")
                .arg(error->reason)
                .arg(error->line)
                .arg(error->column);
        }
    }
    return {};
}

} // namespace

std::optional<WorkflowPrecheck::Stop>
WorkflowPrecheck::firstStop(const Workflow &workflow, const QStringList &definedNames, ScriptEngine &engine)
{
    const QList<ResourceReferences::UndefinedRead> undefined =
        ResourceReferences::undefinedReads(workflow, definedNames);
    const QList<ScriptSyntaxCheck::Problem> broken = ScriptSyntaxCheck::problems(workflow, engine);
    bool formFirst = false;
    for (const Step &step : workflow.steps) {
        const QString name = stepName(step);
        QString reason;
        if (!undefined.isEmpty() && name == undefined.first().step) {
            QStringList names;
            for (const ResourceReferences::UndefinedRead &read : undefined) {
                if (read.step == name)
                    names.append(read.name);
            }
            reason = QStringLiteral("reads %1, which no workspace variable and no step before it defines")
                         .arg(ResourceReferences::asExpressions(names));
        } else if (const auto problem =
                       std::find_if(broken.cbegin(), broken.cend(),
                                    [&name](const ScriptSyntaxCheck::Problem &p) { return p.step == name; });
                   problem != broken.cend()) {
            reason = QStringLiteral("has code that doesn't compile (%1)").arg(problem->message);
        } else if (const auto *request = std::get_if<ApiRequestStep>(&step); request && request->enabled) {
            reason = requestProblem(*request);
        }
        if (!reason.isEmpty())
            return Stop {QStringLiteral("Step \u201C%1\u201D %2").arg(name, reason), formFirst};
        formFirst = formFirst || (stepEnabled(step) && std::holds_alternative<FormStep>(step));
    }
    return std::nullopt;
}

} // namespace AuthStudio
