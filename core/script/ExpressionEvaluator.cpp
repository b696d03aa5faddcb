#include "ExpressionEvaluator.h"

#include "JavaScriptIdentifier.h"
#include "Scope.h"
#include "ScriptEngine.h"
#include "Template.h"

#include <QJsonArray>
#include <QJsonObject>

namespace AuthStudio {

namespace {

QString pathText(const QList<Template::PathSegment> &path, qsizetype upTo)
{
    QString text;
    for (qsizetype i = 0; i <= upTo && i < path.size(); ++i) {
        const Template::PathSegment &segment = path.at(i);
        if (segment.key.isNull())
            text += QStringLiteral("[%1]").arg(segment.index);
        else
            text += (i == 0 ? QString() : QStringLiteral(".")) + segment.key;
    }
    return text;
}

// One property read of a plain path from a value that is neither undefined nor null, as JavaScript reads
// it: an index of an array (or a key of an object), a key of an object, the length of an array or a
// string; undefined for anything else.
QJsonValue readSegment(const QJsonValue &current, const Template::PathSegment &segment)
{
    if (segment.key.isNull()) {
        if (current.isArray())
            return current.toArray().at(segment.index);
        if (current.isObject())
            return current.toObject().value(QString::number(segment.index));
    } else if (current.isObject()) {
        return current.toObject().value(segment.key);
    } else if (current.isArray() && segment.key == QLatin1String("length")) {
        return double(current.toArray().size());
    } else if (current.isString() && segment.key == QLatin1String("length")) {
        return double(current.toString().size());
    }
    return QJsonValue(QJsonValue::Undefined);
}

// Mirrors JavaScript: an unknown root name is an error, a missing property is undefined, and reading a
// property of undefined or null is an error.
EvalResult lookupPath(const QList<Template::PathSegment> &path, const Scope &scope, const QString &origin)
{
    const QString &root = path.first().key;
    const QJsonObject &values = scope.values();
    const auto found = values.constFind(root);
    if (found == values.constEnd()) {
        return EvalResult::failure(QStringLiteral("%1: unknown name '%2' (the scope has: %3)")
                                       .arg(origin, root,
                                            scope.names().isEmpty()
                                                ? QStringLiteral("nothing yet")
                                                : scope.names().join(QStringLiteral(", "))));
    }
    QJsonValue current = found.value();
    for (qsizetype i = 1; i < path.size(); ++i) {
        const Template::PathSegment &segment = path.at(i);
        if (current.isUndefined() || current.isNull()) {
            return EvalResult::failure(
                QStringLiteral("%1: can't read '%2' because '%3' is %4")
                    .arg(origin, segment.key.isNull() ? QString::number(segment.index) : segment.key,
                         pathText(path, i - 1),
                         current.isNull() ? QStringLiteral("null") : QStringLiteral("undefined")));
        }
        current = readSegment(current, segment);
    }
    return {current, {}};
}

} // namespace

QString ExpressionEvaluator::whereUndefined(const QString &text, const Scope &scope)
{
    const std::shared_ptr<const Template> parsed = Template::parse(text);
    if (!parsed->isSingleExpression() || parsed->parts().first().kind != Template::Part::Kind::Path)
        return {};
    const QList<Template::PathSegment> &path = parsed->parts().first().path;
    if (!scope.contains(path.first().key))
        return {};
    // The same walk as lookupPath(), to the read that came out undefined.
    QJsonValue current = scope.value(path.first().key);
    for (qsizetype i = 1; i < path.size(); ++i) {
        const Template::PathSegment &segment = path.at(i);
        const QJsonValue next = readSegment(current, segment);
        if (!next.isUndefined()) {
            current = next;
            continue;
        }
        const QString reached = pathText(path, i - 1);
        if (segment.key.isNull() && current.isArray())
            return QStringLiteral("%1 has %2 items").arg(reached).arg(current.toArray().size());
        const QString key = segment.key.isNull() ? QString::number(segment.index) : segment.key;
        if (!current.isObject())
            return QStringLiteral("%1 is not an object, so it has no '%2'").arg(reached, key);
        QStringList keys = current.toObject().keys();
        const qsizetype count = keys.size();
        keys = keys.mid(0, 12);
        return QStringLiteral("%1 has no '%2' (it has: %3%4)")
            .arg(reached, key, keys.isEmpty() ? QStringLiteral("nothing") : keys.join(QStringLiteral(", ")),
                 count > keys.size() ? QStringLiteral(", …") : QString());
    }
    return {};
}

ExpressionEvaluator::ExpressionEvaluator(ScriptEngine *engine)
    : m_engine(engine)
{ }

EvalResult ExpressionEvaluator::evaluate(const QString &text, const Scope &scope, const QString &origin) const
{
    const std::shared_ptr<const Template> parsed = Template::parse(text);
    if (!parsed->isValid())
        return EvalResult::failure(QStringLiteral("%1: %2").arg(origin, parsed->error()));
    if (!parsed->isSingleExpression())
        return interpolate(text, scope, origin);
    return evaluatePart(parsed->parts().first(), scope, origin);
}

EvalResult ExpressionEvaluator::evaluatePart(const Template::Part &part, const Scope &scope,
                                             const QString &origin) const
{
    // A plain path is looked up without JavaScript, unless its root is one of JavaScript's globals the
    // scope doesn't hide: {{ Math.PI }} was refused as an unknown name (QA pass 34).
    if (part.kind == Template::Part::Kind::Path &&
        (!m_engine || scope.contains(part.path.first().key) ||
         !JavaScriptIdentifier::isBuiltinGlobal(part.path.first().key)))
        return lookupPath(part.path, scope, origin);
    if (!m_engine)
        return EvalResult::failure(QStringLiteral("%1: JavaScript is not available here").arg(origin));
    return m_engine->evaluateExpression(part.text, scope, origin);
}

EvalResult ExpressionEvaluator::interpolate(const QString &text, const Scope &scope,
                                            const QString &origin) const
{
    QString error;
    const QString result = interpolateText(text, scope, origin, &error);
    if (!error.isEmpty())
        return EvalResult::failure(error);
    return {result, {}};
}

QString ExpressionEvaluator::interpolateText(const QString &text, const Scope &scope, const QString &origin,
                                             QString *error) const
{
    const std::shared_ptr<const Template> parsed = Template::parse(text);
    if (!parsed->isValid()) {
        *error = QStringLiteral("%1: %2").arg(origin, parsed->error());
        return {};
    }
    const QList<Template::Part> &parts = parsed->parts();
    if (!parsed->hasExpressions())
        return text; // shares the caller's string, no copy
    QString result;
    result.reserve(text.size() + 32);
    for (const Template::Part &part : parts) {
        if (part.kind == Template::Part::Kind::Literal) {
            result += part.text;
            continue;
        }
        const EvalResult value = evaluatePart(part, scope, origin);
        if (!value.ok()) {
            *error = value.error;
            return {};
        }
        if (value.value.isString())
            result += value.value.toString();
        else
            result += valueToText(value.value);
    }
    return result;
}

} // namespace AuthStudio
