// ExpressionEvaluator: evaluates string fields that hold {{ expressions }} against a scope. Plain paths
// (http1.body.token) are looked up directly, without entering the JavaScript engine; anything else is
// evaluated by the ScriptEngine. A field that is exactly one expression keeps the value's type.
#pragma once

#include "EvalResult.h"
#include "Template.h"

namespace AuthStudio {

class Scope;
class ScriptEngine;

class ExpressionEvaluator
{
public:
    // engine may be null: then only plain paths can be evaluated and JavaScript gives an error.
    explicit ExpressionEvaluator(ScriptEngine *engine = nullptr);

    // The value of a field. origin names the step and field for errors ("http1, header 'Authorization'").
    EvalResult evaluate(const QString &text, const Scope &scope, const QString &origin) const;
    // The field as text (what goes into a URL, header or body string).
    EvalResult interpolate(const QString &text, const Scope &scope, const QString &origin) const;
    // The same without wrapping the text in a JSON value: the hot path for headers on every query.
    // On failure returns a null string and sets *error.
    QString interpolateText(const QString &text, const Scope &scope, const QString &origin,
                            QString *error) const;

    // Where a field that is one plain path ({{ http1.body.tokn }}) comes out undefined in `scope`, read
    // as evaluate() reads it: "http1.body has no 'tokn' (it has: expires_in, token)". Empty for a field
    // that isn't one plain path, or whose value isn't undefined.
    static QString whereUndefined(const QString &text, const Scope &scope);

private:
    EvalResult evaluatePart(const Template::Part &part, const Scope &scope, const QString &origin) const;

    ScriptEngine *m_engine;
};

} // namespace AuthStudio
