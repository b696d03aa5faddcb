// JavaScriptEngine: the ScriptBackend on QJSEngine, in the authstudio-javascript plugin. Scope values become
// JavaScript globals (re-installed only when they change), scripts get the ECMAScript built-ins plus the
// auth library and a console (whose lines come back with each result) and nothing else, errors are
// formatted with the origin and line, and a watchdog interrupts scripts that run past the timeout. The
// engine stays usable after an interrupted script.
#pragma once

#include "script/ScriptBackend.h"

#include <QHash>
#include <QJSEngine>
#include <QObject>

#include <atomic>
#include <memory>

namespace AuthStudio {

class AuthLibrary;
class ScriptConsole;
class ScriptWatchdog;

class JavaScriptEngine : public QObject, public ScriptBackend
{
    Q_OBJECT
public:
    JavaScriptEngine();
    ~JavaScriptEngine() override;

    EvalResult evaluateExpression(const QString &expression, const Scope &scope, const QString &origin,
                                  int timeoutMs) override;
    EvalResult runFunctionBody(const QString &code, const Scope &scope, const QString &origin,
                               int timeoutMs) override;
    std::optional<QString> syntaxError(const QString &code, const QString &origin) override;
    void interrupt() override;
    void clearInterrupt() override;

private:
    // Installs the scope's values as globals. Only names the source mentions are converted (a value such
    // as a large response body is costly to turn into JavaScript), unless the source reaches globals
    // dynamically.
    // An object the source only reads through property chains (`name.body.token`) gets just those chains:
    // a response's headers are not converted for a script that reads `http1.body.token`.
    void installScope(const Scope &scope, const QString &source);
    // Takes a scope value's global away: one of the engine's own or ECMAScript's globals comes back,
    // anything else goes.
    void removeGlobal(const QString &name);
    // Drops the converted objects and arrays the last script could reach, so that the next script and
    // expression convert them afresh from the scope: what a script changes inside an earlier step's value
    // (`form1.email = "x"`, `http1.body.items.sort()`) must not reach later ones.
    void forgetValuesTheLastScriptReached();
    // Puts back the engine's own globals (console, auth, btoa, atob) that the code just run assigned to,
    // so that one script can't take them from the next.
    void restoreOwnGlobals();
    // Deletes the globals the code just run created by assigning to a name nothing declares (`token = 1`
    // without let): they would otherwise be seen by every later run.
    void dropStrayGlobals();
    // Puts ECMAScript's built-ins back as they were, if the code just run changed any (see the prelude).
    void restoreBuiltins();
    enum class FunctionKind { Expression, Body };
    // The function compiled (once, then from the cache) from an expression or a function body; an error
    // value when it doesn't compile.
    QJSValue compiled(const QString &code, FunctionKind kind, const QString &origin);
    // Compiles (once, then from the cache) a function from an expression or a function body, and calls it.
    EvalResult call(const QString &code, FunctionKind kind, const QString &origin, int timeoutMs);
    QString formatError(const QJSValue &error, const QString &origin) const;
    // The same for code that doesn't compile, whose error may lie in the wrapper after it.
    QString compileErrorText(const QJSValue &error, const QString &code, const QString &origin) const;
    // A script result as JSON; undefined and functions become null, so the name stays in the scope.
    QJsonValue toJson(const QJSValue &value);
    QString thrownText(const QJSValue &value); // a thrown value that isn't an Error, for the failure's text
    QString overMemory(const QString &origin); // frees what a script stopped for its memory took; says why
    QJSValue partialObject(const QJsonObject &object, const QList<QStringList> &paths, qsizetype depth);

    std::unique_ptr<QJSEngine> m_engine;
    AuthLibrary *m_library = nullptr;
    ScriptConsole *m_console = nullptr;
    QHash<QString, QJSValue> m_ownGlobals; // auth, btoa, atob, console, as first installed
    QHash<QString, QJSValue> m_builtinGlobals; // ECMAScript's (JSON, Math, ...), as the engine made them
    QString m_preludeFile; // the file name V4 gives the prelude's functions, in errors and stacks
    bool m_mayReplaceOwnGlobals = false; // the code being run names one of them (set by installScope)
    bool m_mayChangeBuiltins = false; // the code being run could change a built-in (set by installScope)
    bool m_mayLeaveGlobals = false; // the code being run could create a global (set by installScope)
    QJSValue m_thrown; // what a compiled script returns when it threw, with the thrown value (see call())
    QJSValue m_joining; // the arrays Array.prototype.join is inside of (see the prelude)
    QJSValue m_builtinsIntact; // the prelude's intact() and restore(hidden)
    QJSValue m_restoreBuiltins;
    QJSValue m_jsonSafe; // the prelude's: a value QJSEngine can convert to JSON without crashing
    QJSValue m_jsonSafeCut; // the prelude's: whether jsonSafe's last copy cut the value
    bool m_interruptedLastTime = false; // the last script was stopped, inside join() perhaps
    QString m_lastScript; // the last function body run, until forgetValuesTheLastScriptReached()
    std::unique_ptr<ScriptWatchdog> m_watchdog;
    std::atomic_bool m_stopRequested = false; // interrupt() was called, rather than the watchdog firing

    struct Installed
    {
        quint64 revision = 0; // the scope revision it was installed from
        bool whole = true; // false: only these property chains of the object were converted
        QList<QStringList> paths;
    };
    QHash<QString, Installed> m_installed; // global name -> what is installed
    QHash<QString, QJSValue> m_compiledExpressions; // expression -> compiled function
    QHash<QString, QJSValue> m_compiledBodies; // function body -> compiled function
};

} // namespace AuthStudio
