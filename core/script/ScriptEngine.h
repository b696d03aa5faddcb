// ScriptEngine: runs the JavaScript in {{ expressions }} and JavaScript steps against a run's scope, with a
// timeout. Scope values become JavaScript globals; scripts get the ECMAScript built-ins plus the auth
// library and a console, whose lines come back in the EvalResult, and nothing else; errors name the origin
// and line; the engine stays usable after a script was stopped.
//
// The engine itself (QJSEngine) is in the authstudio-javascript plugin, loaded when the first script
// runs: linking QtQml into the programs cost every start about 3.4 ms of dynamic loading, and most
// start-ups, runs and queries evaluate no JavaScript (plain paths like {{ http1.body.token }} are looked up
// without it).
#pragma once

#include "EvalResult.h"

#include <QDeadlineTimer>
#include <QObject>

#include <functional>
#include <memory>
#include <optional>

namespace AuthStudio {

class Scope;
class ScriptBackend;

class ScriptEngine : public QObject
{
    Q_OBJECT
public:
    static constexpr int DefaultTimeoutMs = 5000;

    explicit ScriptEngine(QObject *parent = nullptr);
    ~ScriptEngine() override;

    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }
    int timeoutMs() const { return m_timeoutMs; }
    // Runs `attempt`, which evaluates scripts with this engine, with them stopped after `ms`: for a
    // first, quick try on a thread that must not be held (see WorkflowRunner::InlineScriptMs). False when
    // one was stopped for that, and whatever `attempt` made is to be dropped and made again where it can
    // take its time (ScriptStepWorker); true when it ran to its end, or its scripts may run no longer
    // than `ms` anyway.
    bool tryWithin(int ms, const std::function<void()> &attempt);
    // From any thread, once canRunScripts() has been true on the engine's own: stops the script running
    // now, which then fails as stopped; the interrupt stays until clearInterrupt(), called on the
    // engine's thread before its next script.
    void interrupt();
    void clearInterrupt();

    // Evaluates one JavaScript expression (the inside of {{ }}). origin names the step and field for errors.
    EvalResult evaluateExpression(const QString &expression, const Scope &scope, const QString &origin);
    // Runs a JavaScript step's code as a function body; its return value is the result. `timeoutMs`
    // overrides the engine's timeout for this call (-1: the engine's).
    EvalResult runFunctionBody(const QString &code, const Scope &scope, const QString &origin,
                               int timeoutMs = -1);
    // Why a JavaScript step's code can't be compiled, as its run would fail ("js1: SyntaxError: ...
    // (line 4)"); nothing when it compiles, or when the engine can't be loaded (its runs say so). Runs
    // none of the code.
    std::optional<QString> syntaxError(const QString &code, const QString &origin);
    // Whether scripts can run here: the JavaScript plugin loads (loading it if it hasn't); `why` says
    // why not.
    bool canRunScripts(QString *why = nullptr);

private:
    // The backend, created on first use; null with the reason when the plugin can't be loaded.
    ScriptBackend *backend(QString *error);

    // The time a script may run now: its timeout, or less when tryWithin()'s deadline comes first.
    int effectiveTimeoutMs(int timeoutMs) const;
    EvalResult noteTimeout(EvalResult result);

    std::unique_ptr<ScriptBackend> m_backend;
    int m_timeoutMs = DefaultTimeoutMs;
    QDeadlineTimer m_deadline {QDeadlineTimer::Forever};
    bool m_timedOut = false;
};

} // namespace AuthStudio
