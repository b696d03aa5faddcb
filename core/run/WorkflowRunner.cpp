#include "WorkflowRunner.h"

#include "FormPrompter.h"
#include "HttpResponse.h"
#include "JsonText.h"
#include "RequestBuilder.h"
#include "ScriptStepWorker.h"
#include "format/WorkspaceValidator.h"
#include "script/JavaScriptIdentifier.h"
#include "script/ScriptEngine.h"
#include "script/Template.h"

#include <QFutureWatcher>
#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QVarLengthArray>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace AuthStudio {

namespace {

// Whether the text has an expression that needs the script engine (anything but a plain path).
bool runsScript(const QString &text)
{
    if (!text.contains(QLatin1String("{{")))
        return false;
    const QList<Template::Part> &parts = Template::parse(text)->parts();
    return std::any_of(parts.cbegin(), parts.cend(),
                       [](const Template::Part &part) { return part.kind == Template::Part::Kind::Script; });
}

// Whether running `code` converts about WorkflowRunner::LargeValueBytes or more of `scope` into the engine.
bool codeReadsLargeValue(const QString &code, const Scope &scope)
{
    // What the script engine will convert for this code (JavaScriptEngine::installScope), from the same
    // reading of the text, erring the same way (towards more): every value when the code can reach the
    // globals by other means; else, after each scope name the code mentions, the value its property chain
    // leads to (`http1.body.items.length` converts the items, never the headers), or the whole value when
    // the name stands alone or the chain leaves the object's own properties.
    const QJsonObject &values = scope.values();
    qsizetype size = 0;
    const auto add = [&size](const QJsonValue &value) {
        size += JsonText::sizeUpTo(value, WorkflowRunner::LargeValueBytes - size);
        return size >= WorkflowRunner::LargeValueBytes;
    };
    if (JavaScriptIdentifier::reachesGlobalsDynamically(code))
        return std::any_of(values.constBegin(), values.constEnd(), add);
    // A chain read twice is converted once. Scripts read a few: a hash set's allocation would cost more
    // than the whole look at a small script (the benchmark's runner overhead).
    QVarLengthArray<QStringView, 8> counted;
    const qsizetype length = code.size();
    for (qsizetype at = 0; at < length;) {
        if (!JavaScriptIdentifier::isPart(code.at(at))) {
            ++at;
            continue;
        }
        qsizetype end = at;
        while (end < length && JavaScriptIdentifier::isPart(code.at(end)))
            ++end;
        const auto found = values.constFind(QStringView(code).mid(at, end - at));
        if (found != values.constEnd()) {
            QJsonValue value = found.value();
            qsizetype chainEnd = end;
            while (chainEnd < length && code.at(chainEnd) == u'.' && value.isObject()) {
                qsizetype propertyEnd = chainEnd + 1;
                while (propertyEnd < length && JavaScriptIdentifier::isPart(code.at(propertyEnd)))
                    ++propertyEnd;
                const QJsonObject object = value.toObject();
                const auto member =
                    object.constFind(QStringView(code).mid(chainEnd + 1, propertyEnd - chainEnd - 1));
                if (propertyEnd == chainEnd + 1 || member == object.constEnd()) {
                    value = found.value(); // not an own property: the engine converts the whole value
                    chainEnd = end;
                    break;
                }
                value = member.value();
                chainEnd = propertyEnd;
            }
            const QStringView chain = QStringView(code).mid(at, chainEnd - at);
            if (!counted.contains(chain)) {
                counted.append(chain);
                if (add(value))
                    return true;
            }
        }
        at = end; // a chain's properties are names too, as the engine reads them
    }
    return false;
}

// Whether the texts' expressions read about WorkflowRunner::LargeValueBytes or more of `scope`: the values
// their plain paths start from, and what their scripts convert (codeReadsLargeValue()).
bool textsReadLargeValue(const QStringList &texts, const Scope &scope)
{
    QStringList roots;
    for (const QString &text : texts) {
        if (!text.contains(QLatin1String("{{")))
            continue;
        const std::shared_ptr<const Template> parsed = Template::parse(text);
        roots += parsed->rootNames();
        for (const Template::Part &part : parsed->parts()) {
            if (part.kind == Template::Part::Kind::Script && codeReadsLargeValue(part.text, scope))
                return true;
        }
    }
    constexpr qsizetype large = WorkflowRunner::LargeValueBytes;
    qsizetype size = 0;
    for (const QString &root : std::as_const(roots)) {
        if (scope.contains(root))
            size += JsonText::sizeUpTo(scope.value(root), large - size);
        if (size >= large)
            return true;
    }
    return false;
}

} // namespace

bool WorkflowRunner::buildsOnThreadPool(const ApiRequestStep &step)
{
    const QStringList texts = step.templateTexts();
    return std::none_of(texts.cbegin(), texts.cend(), runsScript);
}

bool WorkflowRunner::readsLargeValue(const ApiRequestStep &step, const Scope &scope)
{
    return textsReadLargeValue(step.templateTexts(), scope);
}

bool WorkflowRunner::readsLargeValue(const JavaScriptStep &step, const Scope &scope)
{
    return codeReadsLargeValue(step.code, scope);
}

WorkflowRunner::WorkflowRunner(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_engine(new ScriptEngine(this))
    , m_evaluator(m_engine)
    , m_requestTimer(new QTimer(this))
{
    m_requestTimer->setSingleShot(true);
    connect(m_requestTimer, &QTimer::timeout, this, [this] {
        if (m_reply) {
            m_requestTimedOut = true;
            m_reply->abort(); // finishes the reply, which reports the timeout
        }
    });
}

WorkflowRunner::~WorkflowRunner()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void WorkflowRunner::setPrompter(FormPrompter *prompter)
{
    if (m_prompter)
        m_prompter->disconnect(this);
    m_prompter = prompter;
    if (!prompter)
        return;
    connect(prompter, &FormPrompter::answered, this, &WorkflowRunner::onPromptAnswered);
    connect(prompter, &FormPrompter::cancelled, this, &WorkflowRunner::onPromptCancelled);
    connect(prompter, &FormPrompter::failed, this, &WorkflowRunner::onPromptFailed);
}

void WorkflowRunner::setScriptTimeoutMs(int timeoutMs)
{
    m_engine->setTimeoutMs(timeoutMs);
}

bool WorkflowRunner::start(const Workflow &workflow, const Scope &initialScope)
{
    if (m_running)
        return false;
    m_workflow = workflow;
    m_scope = initialScope;
    m_result = RunResult();
    m_result.steps.reserve(workflow.steps.size());
    m_index = -1;
    m_running = true;
    m_runClock.start();
    // Steps start from the event loop so that callers can connect before the first signal, and so that a
    // workflow of synchronous steps never recurses.
    QMetaObject::invokeMethod(this, &WorkflowRunner::runNextStep, Qt::QueuedConnection);
    return true;
}

void WorkflowRunner::cancel()
{
    if (!m_running)
        return;
    if (m_awaitingPrompt && m_prompter) {
        m_awaitingPrompt = false;
        m_prompter->cancelPrompt();
    }
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
        m_requestTimer->stop();
    }
    if (m_scriptTicket != 0) {
        // Its result, when it comes, is dropped; what it wrote to the console before it stopped shows with
        // the cancelled step: a runaway loop's last lines are what its author needs.
        if (auto console =
                m_scriptWorker->interruptAndCollectConsole(m_scriptTicket, CancelledScriptWaitMs)) {
            m_current.console = *console;
            for (ConsoleLine &line : m_current.console)
                line.step = m_current.name;
        }
        m_scriptTicket = 0;
    }
    delete m_offThread; // a request being built or a reply parsed: its result, when it comes, goes nowhere
    if (m_stepActive)
        finishStep(RunOutcome::Cancelled, QStringLiteral("%1: cancelled").arg(m_current.name));
    else
        finishRun(RunOutcome::Cancelled, QStringLiteral("The run was cancelled."));
}

// Steps that finish synchronously (Define variable, skipped) run in this loop rather than recursing, so a
// long workflow never deepens the stack; asynchronous steps (Form, API Request, JavaScript) return to the
// event loop and call back in here when they finish.
void WorkflowRunner::runNextStep()
{
    if (m_inStepLoop) {
        m_continueLoop = true;
        return;
    }
    m_inStepLoop = true;
    do {
        m_continueLoop = false;
        runOneStep();
    } while (m_continueLoop && m_running);
    m_inStepLoop = false;
}

void WorkflowRunner::runOneStep()
{
    if (!m_running)
        return;
    ++m_index;
    if (m_index >= m_workflow.steps.size()) {
        finishRun(RunOutcome::Succeeded, {});
        return;
    }
    const Step &step = m_workflow.steps.at(m_index);
    m_current = StepResult();
    m_current.index = m_index;
    m_current.name = stepName(step);
    m_current.type = stepType(step);
    m_stepClock.start();
    m_stepActive = true;
    Q_EMIT stepStarted(m_index, m_current.name);
    if (!stepEnabled(step)) {
        finishStep(RunOutcome::Skipped);
        return;
    }
    std::visit(
        [this](const auto &s) {
            using T = std::decay_t<decltype(s)>;
            if constexpr (std::is_same_v<T, FormStep>)
                runForm(s);
            else if constexpr (std::is_same_v<T, ApiRequestStep>)
                runApiRequest(s);
            else if constexpr (std::is_same_v<T, JavaScriptStep>)
                runJavaScript(s);
            else
                runDefineVariable(s);
        },
        step);
}

void WorkflowRunner::runForm(const FormStep &step)
{
    if (!m_prompter) {
        finishStep(RunOutcome::Failed,
                   QStringLiteral("%1: this run can't show a form (no prompter)").arg(step.name),
                   QStringLiteral("fields"));
        return;
    }
    // Two fields with one key would give the run one value for both, silently; a key that isn't a name
    // can't be read by later steps as form1.key.
    for (int i = 0; i < step.fields.size(); ++i) {
        const QString problem = WorkspaceValidator::formFieldKeyProblem(step, i);
        if (!problem.isEmpty()) {
            finishStep(RunOutcome::Failed,
                       QStringLiteral("%1, field %2: %3").arg(step.name).arg(i + 1).arg(problem),
                       QStringLiteral("field %1").arg(i + 1));
            return;
        }
    }
    m_awaitingPrompt = true;
    m_prompter->prompt(step);
}

void WorkflowRunner::onPromptAnswered(const QJsonObject &values)
{
    if (!m_awaitingPrompt)
        return;
    m_awaitingPrompt = false;
    const auto &step = std::get<FormStep>(m_workflow.steps.at(m_index));
    // The answer usually is exactly the form's fields; then it goes into the scope as it is.
    bool asAnswered = values.size() == step.fields.size();
    for (const FormField &field : step.fields) {
        const QJsonValue answer = values.value(field.key);
        asAnswered = asAnswered && answer.isString();
        const QString value = answer.toString();
        if (field.required && value.isEmpty()) {
            finishStep(RunOutcome::Failed,
                       QStringLiteral("%1: the field '%2' is required").arg(step.name, field.key),
                       QStringLiteral("field '%1'").arg(field.key));
            return;
        }
        if (field.isSecret())
            m_scope.addSecret(value);
    }
    if (asAnswered) {
        m_scope.set(step.name, values);
    } else {
        QJsonObject scopeValue;
        for (const FormField &field : step.fields)
            scopeValue.insert(field.key, values.value(field.key).toString());
        m_scope.set(step.name, scopeValue);
    }
    finishStep(RunOutcome::Succeeded);
}

void WorkflowRunner::onPromptCancelled()
{
    if (!m_awaitingPrompt)
        return;
    m_awaitingPrompt = false;
    finishStep(RunOutcome::Cancelled, QStringLiteral("%1: the form was cancelled").arg(m_current.name));
}

void WorkflowRunner::onPromptFailed(const QString &reason, const QString &fieldKey)
{
    if (!m_awaitingPrompt)
        return;
    m_awaitingPrompt = false;
    // Named as a required field left empty names it, so the form editor selects that row.
    finishStep(RunOutcome::Failed, QStringLiteral("%1: %2").arg(m_current.name, reason),
               fieldKey.isEmpty() ? QStringLiteral("fields") : QStringLiteral("field '%1'").arg(fieldKey));
}

void WorkflowRunner::runApiRequest(const ApiRequestStep &step)
{
    const bool plainPaths = buildsOnThreadPool(step);
    const bool large = readsLargeValue(step, m_scope);
    PreparedRequest prepared;
    // As a JavaScript step (runJavaScript): quick expressions here, a long one again on the worker
    // thread, and there from the start when the scripts read a large value (its conversion into the
    // script engine alone would hold this thread).
    if (!large && ranHere([&] { prepared = RequestBuilder::build(step, m_scope, m_evaluator); })) {
        sendRequest(step, prepared);
        return;
    }
    if (!plainPaths) {
        m_scriptTicket = scriptWorker()->buildRequest(step, m_scope, m_engine->timeoutMs(),
                                                      [this, step](quint64 ticket, PreparedRequest late) {
                                                          if (claimWorkerResult(ticket))
                                                              sendRequest(step, late);
                                                      });
        return;
    }
    // Plain paths only: built on the thread pool, from copies, as a body made of a large value (megabytes
    // of a script's result) takes long to write out. cancel() deletes the watcher, and the result with it.
    auto *building = new QFutureWatcher<PreparedRequest>(this);
    m_offThread = building;
    connect(building, &QFutureWatcherBase::finished, this, [this, building, step] {
        building->deleteLater();
        m_offThread = nullptr;
        sendRequest(step, building->result());
    });
    building->setFuture(QtConcurrent::run(
        [step, scope = m_scope] { return RequestBuilder::build(step, scope, ExpressionEvaluator()); }));
}

void WorkflowRunner::sendRequest(const ApiRequestStep &step, const PreparedRequest &prepared)
{
    if (!prepared.ok()) {
        finishStep(RunOutcome::Failed, prepared.error, prepared.field);
        return;
    }
    m_current.detail = QStringLiteral("%1 %2").arg(QString::fromLatin1(prepared.verb),
                                                   prepared.request.url().toString(QUrl::RemoveUserInfo));
    m_requestTimedOut = false;
    // The reply stays the network manager's child; this runner aborts and deletes it if it goes first.
    QNetworkReply *reply = RequestBuilder::send(m_network, prepared);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, &WorkflowRunner::onReplyFinished);
    m_requestTimer->start(step.timeoutMs);
}

void WorkflowRunner::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || reply != sender())
        return;
    m_reply = nullptr;
    m_requestTimer->stop();
    reply->deleteLater();
    const auto &step = std::get<ApiRequestStep>(m_workflow.steps.at(m_index));

    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (m_requestTimedOut) {
        finishStep(RunOutcome::Failed,
                   QStringLiteral(
                       "%1, URL: no reply within %2 s (the request timeout); the server at %3 may be down "
                       "or slow")
                       .arg(step.name)
                       .arg(step.timeoutMs / 1000.0)
                       .arg(reply->url().host()),
                   QStringLiteral("URL"));
        return;
    }
    if (!statusAttribute.isValid()) {
        finishStep(RunOutcome::Failed,
                   QStringLiteral("%1, URL: the request to %2 failed: %3")
                       .arg(step.name, reply->url().toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery),
                            reply->errorString()),
                   QStringLiteral("URL"));
        return;
    }
    const HttpResponse response = HttpResponse::fromReply(reply);
    m_current.httpStatus = response.status;
    // The step's result (status, headers, parsed body) and, for a failure, the text the user sees.
    using Parsed = std::pair<QJsonObject, QString>;
    const auto parse = [](const HttpResponse &answer) {
        return Parsed {answer.toScopeValue(), answer.isSuccess() ? QString() : answer.failureText()};
    };
    if (response.body.size() < InlineParseBytes) {
        const Parsed parsed = parse(response);
        finishReply(step.name, response.status, response.isSuccess(), parsed.first, parsed.second);
        return;
    }
    // The task holds copies only. cancel() deletes the watcher, so a cancelled run never sees the result.
    auto *parsing = new QFutureWatcher<Parsed>(this);
    m_offThread = parsing;
    connect(parsing, &QFutureWatcherBase::finished, this,
            [this, parsing, name = step.name, status = response.status, succeeded = response.isSuccess()] {
                parsing->deleteLater();
                m_offThread = nullptr;
                const Parsed parsed = parsing->result();
                finishReply(name, status, succeeded, parsed.first, parsed.second);
            });
    parsing->setFuture(QtConcurrent::run(parse, response));
}

void WorkflowRunner::finishReply(const QString &stepName, int status, bool succeeded,
                                 const QJsonObject &scopeValue, const QString &failureText)
{
    m_scope.set(stepName, scopeValue);
    if (!succeeded) {
        finishStep(RunOutcome::Failed,
                   QStringLiteral("%1: HTTP %2: %3").arg(stepName).arg(status).arg(failureText),
                   QStringLiteral("status"), failureText);
        return;
    }
    finishStep(RunOutcome::Succeeded);
}

void WorkflowRunner::runJavaScript(const JavaScriptStep &step)
{
    const int timeoutMs = m_engine->timeoutMs();
    // A script reading a large value (megabytes of a reply) goes to the worker thread at once: converting
    // its input into the script engine, and collecting that garbage later, would hold this thread (the
    // window's, in the studio) longer than InlineScriptMs, outside the watchdog's reach.
    if (readsLargeValue(step, m_scope)) {
        runOnWorker(step, timeoutMs);
        return;
    }
    // Most steps take well under a millisecond: they run here, as handing them to another thread would
    // cost more than they do. One still running after InlineScriptMs is stopped and run again from the
    // start on the worker thread, where it can't block this one and cancel() stops it. Scripts have no
    // side effects outside their result, so the first try leaves nothing behind.
    // The first try's console lines go with it: the worker's run logs them again.
    const EvalResult quick =
        m_engine->runFunctionBody(step.code, m_scope, step.name, qMin(timeoutMs, InlineScriptMs));
    if (!quick.timedOut || timeoutMs <= InlineScriptMs) {
        onJavaScriptFinished(0, quick);
        return;
    }
    runOnWorker(step, timeoutMs);
}

ScriptStepWorker *WorkflowRunner::scriptWorker()
{
    if (!m_scriptWorker)
        m_scriptWorker = new ScriptStepWorker(this);
    return m_scriptWorker;
}

void WorkflowRunner::runOnWorker(const JavaScriptStep &step, int timeoutMs)
{
    m_scriptTicket = scriptWorker()->run(
        step.code, m_scope, step.name, timeoutMs,
        [this](quint64 ticket, const EvalResult &result) { onJavaScriptFinished(ticket, result); });
}

bool WorkflowRunner::claimWorkerResult(quint64 ticket)
{
    if (ticket != m_scriptTicket)
        return false; // the run was cancelled meanwhile
    m_scriptTicket = 0;
    return true;
}

void WorkflowRunner::onJavaScriptFinished(quint64 ticket, const EvalResult &result)
{
    if (!claimWorkerResult(ticket))
        return;
    m_current.console = result.console;
    for (ConsoleLine &line : m_current.console)
        line.step = m_current.name;
    if (!result.ok()) {
        finishStep(RunOutcome::Failed, result.error, QStringLiteral("code"));
        return;
    }
    m_scope.set(m_current.name, result.value);
    finishStep(RunOutcome::Succeeded);
}

bool WorkflowRunner::ranHere(const std::function<void()> &attempt)
{
    return m_engine->tryWithin(InlineScriptMs, attempt);
}

void WorkflowRunner::runTaskOnWorker(std::function<EvalResult(ScriptEngine &)> task,
                                     std::function<void(const EvalResult &)> then)
{
    m_scriptTicket =
        scriptWorker()->runTask(m_engine->timeoutMs(), std::move(task),
                                [this, then = std::move(then)](quint64 ticket, const EvalResult &result) {
                                    if (claimWorkerResult(ticket))
                                        then(result);
                                });
}

void WorkflowRunner::runDefineVariable(const DefineVariableStep &step)
{
    const QString origin = QStringLiteral("%1, value").arg(step.name);
    // As an API Request's expressions (runApiRequest): a script reading a large value goes to the worker
    // at once; a plain path reads it without converting anything.
    const bool large = runsScript(step.value) && textsReadLargeValue({step.value}, m_scope);
    EvalResult result;
    if (!large && ranHere([&] { result = m_evaluator.evaluate(step.value, m_scope, origin); })) {
        defineVariable(step, result);
        return;
    }
    runTaskOnWorker(
        [value = step.value, scope = m_scope, origin](ScriptEngine &engine) {
            return ExpressionEvaluator(&engine).evaluate(value, scope, origin);
        },
        [this, step](const EvalResult &late) { defineVariable(step, late); });
}

void WorkflowRunner::defineVariable(const DefineVariableStep &step, const EvalResult &result)
{
    if (!result.ok()) {
        finishStep(RunOutcome::Failed, result.error, QStringLiteral("value"));
        return;
    }
    const QJsonValue value = result.value.isUndefined() ? QJsonValue(QJsonValue::Null) : result.value;
    // Said on its run log line, as a typo in a path otherwise went unnoticed until the API refused
    // "Authorization: Bearer " (QA pass 50).
    if (result.value.isUndefined()) {
        const QString where = ExpressionEvaluator::whereUndefined(step.value, m_scope);
        m_current.detail = where.isEmpty() ? QStringLiteral("the value is undefined")
                                           : QStringLiteral("the value is undefined: ") + where;
    }
    if (step.secret) {
        m_scope.markSecretName(step.name);
        m_scope.addSecretValue(value);
    }
    m_scope.set(step.name, value);
    finishStep(RunOutcome::Succeeded);
}

void WorkflowRunner::finishStep(RunOutcome outcome, const QString &error, const QString &field,
                                const QString &notification)
{
    m_stepActive = false;
    m_current.outcome = outcome;
    m_current.elapsedNs = m_stepClock.nsecsElapsed();
    m_current.error = error;
    m_current.field = field;
    m_current.scope = m_scope;
    m_result.steps.append(m_current);
    Q_EMIT stepFinished(m_current);
    if (outcome == RunOutcome::Failed || outcome == RunOutcome::Cancelled) {
        m_result.failedStepIndex = m_index;
        m_result.failedStep = m_current.name;
        m_result.failedField = field;
        finishRun(outcome, notification.isEmpty() ? error : notification);
        return;
    }
    runNextStep();
}

void WorkflowRunner::finishRun(RunOutcome outcome, const QString &notification)
{
    m_running = false;
    m_awaitingPrompt = false;
    m_stepActive = false;
    m_result.outcome = outcome;
    m_result.notification = notification;
    m_result.elapsedNs = m_runClock.nsecsElapsed();
    m_result.scope = m_scope;
    Q_EMIT finished(m_result);
    // Listeners have taken their copies; the run's values are freed now rather than when the next run
    // starts, where it would count against that run.
    if (!m_running) {
        m_result = RunResult();
        m_current = StepResult();
        m_scope = Scope();
    }
}

} // namespace AuthStudio
