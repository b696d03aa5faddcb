// WorkflowRunner: runs a workflow's steps in order, asynchronously on the event loop. Each step adds its
// result to the scope; the runner reports each step's start and finish (with timing and a scope snapshot)
// and the run's end. A non-2xx reply, a network error or timeout, a TLS error or an expression error stops
// the run with a message naming the step and the field. One run at a time per runner.
#pragma once

#include "StepResult.h"
#include "model/Workflow.h"
#include "script/ExpressionEvaluator.h"
#include "script/Scope.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <functional>

class QFutureWatcherBase;
class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace AuthStudio {

class FormPrompter;
class ScriptEngine;
class ScriptStepWorker;
struct PreparedRequest;

class WorkflowRunner : public QObject
{
    Q_OBJECT
public:
    explicit WorkflowRunner(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~WorkflowRunner() override;

    // Not owned. Without a prompter, a Form step fails the run with a clear message.
    void setPrompter(FormPrompter *prompter);
    // Runs the {{ expressions }} and JavaScript steps; a step whose script (a JavaScript step's code, or
    // an API Request's or Define variable's expression) is still running after InlineScriptMs goes on on a
    // thread of its own (ScriptStepWorker), so a long script doesn't block this thread and cancel() stops
    // it at once. A step whose scripts read a large value runs there from the start.
    ScriptEngine *scriptEngine() const { return m_engine; }
    // For expressions and JavaScript steps alike.
    void setScriptTimeoutMs(int timeoutMs);
    // How long a step's scripts may run on this thread before the step moves to the worker thread.
    static constexpr int InlineScriptMs = 50;
    // cancel() waits at most this long for a script on the worker thread to stop, to show what it wrote to
    // the console; it stops at its next instruction, so this is reached only inside a long native call.
    static constexpr int CancelledScriptWaitMs = 50;
    // Replies at least this large are parsed on the thread pool: megabytes of JSON take Qt's parser a
    // good part of a second, which would freeze the window running the test.
    static constexpr qsizetype InlineParseBytes = 256 * 1024;
    // Whether the step's request can be built on the thread pool: when its expressions are all plain paths
    // (http1.body.token), looked up without the script engine, which lives on the runner's thread. It is,
    // when one of them names a large value (readsLargeValue()); a small request is built at once, as the
    // trip to the pool and back would cost more than building it.
    static bool buildsOnThreadPool(const ApiRequestStep &step);
    // Whether a name the step's fields read holds about LargeValueBytes or more in `scope`.
    static bool readsLargeValue(const ApiRequestStep &step, const Scope &scope);
    // Whether the values the step's script will have converted into the script engine (the property
    // chains it reads, or whole values) come to about LargeValueBytes or more: such a step runs on the
    // worker thread from the start, since the conversion alone would hold this thread.
    static bool readsLargeValue(const JavaScriptStep &step, const Scope &scope);
    static constexpr qsizetype LargeValueBytes = 64 * 1024;

    // Starts a run; returns false (and does nothing) when a run is already going.
    bool start(const Workflow &workflow, const Scope &initialScope = {});
    // Stops the run: aborts the request in flight or closes the prompt; finished() reports Cancelled.
    void cancel();
    bool isRunning() const { return m_running; }
    // The scope of the run in progress (empty between runs: finished() carries the final one).
    const Scope &scope() const { return m_scope; }

Q_SIGNALS:
    void stepStarted(int index, const QString &name);
    void stepFinished(const AuthStudio::StepResult &result);
    void finished(const AuthStudio::RunResult &result);

private:
    void runNextStep();
    void runOneStep();
    void runForm(const FormStep &step);
    void runApiRequest(const ApiRequestStep &step);
    void sendRequest(const ApiRequestStep &step, const PreparedRequest &prepared);
    void runJavaScript(const JavaScriptStep &step);
    void runOnWorker(const JavaScriptStep &step, int timeoutMs);
    void onJavaScriptFinished(quint64 ticket, const EvalResult &result);
    // Whether the worker's result for `ticket` is for the step running now (0: one run here); the step
    // then has no script on the worker any more.
    bool claimWorkerResult(quint64 ticket);
    // Runs `task` on the worker thread with its own engine, then `then` with its result here, unless the run
    // was cancelled meanwhile.
    void runTaskOnWorker(std::function<EvalResult(ScriptEngine &)> task,
                         std::function<void(const EvalResult &)> then);
    ScriptStepWorker *scriptWorker();
    // Runs `attempt`, which evaluates a step's expressions, here (ScriptEngine::tryWithin InlineScriptMs):
    // false when it is to be done again on the worker thread (runTaskOnWorker).
    bool ranHere(const std::function<void()> &attempt);
    void runDefineVariable(const DefineVariableStep &step);
    void defineVariable(const DefineVariableStep &step, const EvalResult &result);
    void onReplyFinished();
    void finishReply(const QString &stepName, int status, bool succeeded, const QJsonObject &scopeValue,
                     const QString &failureText);
    void onPromptAnswered(const QJsonObject &values);
    void onPromptCancelled();
    void onPromptFailed(const QString &reason, const QString &fieldKey);
    void finishStep(RunOutcome outcome, const QString &error = {}, const QString &field = {},
                    const QString &notification = {});
    void finishRun(RunOutcome outcome, const QString &notification);

    QNetworkAccessManager *m_network;
    ScriptEngine *m_engine; // expressions, and JavaScript steps while they are quick
    // JavaScript steps that aren't quick, on a thread of their own; made on first use.
    ScriptStepWorker *m_scriptWorker = nullptr;
    quint64 m_scriptTicket = 0; // the JavaScript step running now, 0 for none
    // The request being built, or the large reply being parsed, on the thread pool now, if any.
    QPointer<QFutureWatcherBase> m_offThread;
    ExpressionEvaluator m_evaluator;
    QPointer<FormPrompter> m_prompter;
    QTimer *m_requestTimer;

    Workflow m_workflow;
    Scope m_scope;
    RunResult m_result;
    int m_index = -1;
    bool m_running = false;
    bool m_awaitingPrompt = false;
    bool m_stepActive = false; // between a step's start and its finish
    bool m_inStepLoop = false; // runNextStep() is on the stack
    bool m_continueLoop = false; // a step finished synchronously: the loop runs the next one
    bool m_requestTimedOut = false;
    QPointer<QNetworkReply> m_reply;
    StepResult m_current;
    QElapsedTimer m_stepClock;
    QElapsedTimer m_runClock;
};

} // namespace AuthStudio
