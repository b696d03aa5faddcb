#include "JsonBodyTemplate.h"

#include "JsonDuplicateKey.h"
#include "JsonText.h"
#include "script/ExpressionEvaluator.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace AuthStudio {

namespace {

bool holdsExpression(const QString &text)
{
    return text.contains(QLatin1String("{{"));
}

// Compact JSON for any value, as QJsonDocument writes it (scalars by way of a one-element array).
QByteArray compactJson(const QJsonValue &value)
{
    if (value.isObject())
        return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    const QByteArray wrapped = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
    return wrapped.mid(1, wrapped.size() - 2);
}

// A body that is one JSON value other than an object or an array (42, "text", true, null): JSON since RFC
// 7159, and some APIs take a bare string, but QJsonDocument holds only objects and arrays. Nothing for
// anything else.
std::optional<QJsonValue> loneValue(const QByteArray &utf8)
{
    const QJsonDocument wrapped = QJsonDocument::fromJson('[' + utf8 + ']');
    if (!wrapped.isArray() || wrapped.array().size() != 1)
        return std::nullopt;
    const QJsonValue value = wrapped.array().first();
    if (value.isObject() || value.isArray())
        return std::nullopt; // the document itself failed to parse: "[{...}]" can't make it valid
    return value;
}

QString bodyOrigin(const QString &stepName, const QString &pointer)
{
    return stepName + QStringLiteral(", body ") + pointer;
}

// Why a body with a key written twice is refused: sent as it stands, one of the two values would be lost
// without a word (QA pass 26).
QString duplicateKeyReason(const JsonDuplicateKey::Found &duplicate)
{
    return QStringLiteral("the key \"%1\" appears twice").arg(duplicate.key);
}

} // namespace

bool JsonBodyTemplate::isExpressionOutsideString(const QString &text, qsizetype offset)
{
    for (qsizetype start = text.indexOf(QLatin1String("{{")); start >= 0;
         start = text.indexOf(QLatin1String("{{"), start + 2)) {
        const qsizetype close = text.indexOf(QLatin1String("}}"), start + 2);
        const qsizetype end = close < 0 ? text.size() : close + 2;
        if (offset >= start && offset <= end)
            return true;
        if (start > offset)
            break;
    }
    return false;
}

std::optional<JsonBodyTemplate::SyntaxError> JsonBodyTemplate::syntaxError(const QString &text)
{
    QJsonParseError parseError;
    const QByteArray utf8 = text.toUtf8();
    QJsonDocument::fromJson(utf8, &parseError);
    SyntaxError error;
    qsizetype at = 0; // the character named, from 0
    if (parseError.error != QJsonParseError::NoError) {
        error.reason = parseError.errorString();
        error.offset = QString::fromUtf8(utf8.left(parseError.offset)).size();
        // Qt's parser reports the position just after the character it stopped at: line and column name
        // that character.
        at = error.offset - 1;
        error.expressionOutsideString = isExpressionOutsideString(text, error.offset);
        if (loneValue(utf8))
            return std::nullopt;
    } else if (const auto duplicate = JsonDuplicateKey::find(utf8)) {
        error.reason = duplicateKeyReason(*duplicate);
        error.offset = QString::fromUtf8(utf8.left(duplicate->offset)).size();
        at = error.offset;
    } else {
        return std::nullopt;
    }
    for (qsizetype i = 0; i < at && i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('\n')) {
            ++error.line;
            error.column = 1;
        } else {
            ++error.column;
        }
    }
    return error;
}

std::shared_ptr<const JsonBodyTemplate> JsonBodyTemplate::parse(const QString &text)
{
    thread_local QHash<QString, std::shared_ptr<const JsonBodyTemplate>> cache;
    if (const auto it = cache.constFind(text); it != cache.constEnd())
        return it.value();
    auto parsed = std::make_shared<JsonBodyTemplate>();
    QJsonParseError parseError;
    const QByteArray utf8 = text.toUtf8();
    const QJsonDocument document = QJsonDocument::fromJson(utf8, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        if (const std::optional<QJsonValue> value = loneValue(utf8)) {
            parsed->m_root = *value;
            QByteArray pending;
            parsed->compile(parsed->m_root, QString(), pending);
            parsed->m_tail = pending;
        } else {
            parsed->m_error = parseError.errorString();
        }
    } else if (const auto duplicate = JsonDuplicateKey::find(utf8)) {
        parsed->m_error = duplicateKeyReason(*duplicate);
    } else {
        parsed->m_root = document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
        QByteArray pending;
        parsed->compile(parsed->m_root, QString(), pending);
        parsed->m_tail = pending;
    }
    if (cache.size() > 1024) // bounded like Template's cache
        cache.clear();
    cache.insert(text, parsed);
    return parsed;
}

void JsonBodyTemplate::compile(const QJsonValue &value, const QString &pointer, QByteArray &pending)
{
    if (value.isString() && holdsExpression(value.toString())) {
        m_slots.append({pending, value.toString(), pointer});
        pending.clear();
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        pending += '{';
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            if (holdsExpression(it.key()))
                m_hasTemplatedKeys = true;
            if (it != object.constBegin())
                pending += ',';
            JsonText::appendString(pending, it.key().toUtf8());
            pending += ':';
            compile(it.value(), pointer + QLatin1Char('/') + it.key(), pending);
        }
        pending += '}';
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        pending += '[';
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (i > 0)
                pending += ',';
            compile(array.at(i), pointer + QLatin1Char('/') + QString::number(i), pending);
        }
        pending += ']';
    } else {
        pending += compactJson(value);
    }
}

QByteArray JsonBodyTemplate::render(const Scope &scope, const ExpressionEvaluator &evaluator,
                                    const QString &stepName, QString *error) const
{
    if (m_hasTemplatedKeys) {
        const QJsonValue body = interpolate(m_root, scope, evaluator, stepName, QString(), error);
        return error->isEmpty() ? compactJson(body) : QByteArray();
    }
    QByteArray json;
    json.reserve(m_tail.size() + 64 * (m_slots.size() + 1));
    for (const Slot &slot : m_slots) {
        json += slot.before;
        const EvalResult result = evaluator.evaluate(slot.text, scope, bodyOrigin(stepName, slot.pointer));
        if (!result.ok()) {
            *error = result.error;
            return {};
        }
        if (result.value.isString())
            JsonText::appendString(json, result.value.toString().toUtf8());
        else if (result.value.isUndefined())
            json += "null";
        else
            json += compactJson(result.value);
    }
    json += m_tail;
    return json;
}

// The tree way, for bodies whose keys hold {{ }}. Sets *error and returns undefined on failure.
QJsonValue JsonBodyTemplate::interpolate(const QJsonValue &value, const Scope &scope,
                                         const ExpressionEvaluator &evaluator, const QString &stepName,
                                         const QString &pointer, QString *error) const
{
    if (value.isString()) {
        const EvalResult result = evaluator.evaluate(value.toString(), scope, bodyOrigin(stepName, pointer));
        if (!result.ok()) {
            *error = result.error;
            return QJsonValue(QJsonValue::Undefined);
        }
        return result.value.isUndefined() ? QJsonValue(QJsonValue::Null) : result.value;
    }
    if (value.isArray()) {
        QJsonArray array;
        const QJsonArray source = value.toArray();
        for (qsizetype i = 0; i < source.size() && error->isEmpty(); ++i)
            array.append(interpolate(source.at(i), scope, evaluator, stepName,
                                     pointer + QLatin1Char('/') + QString::number(i), error));
        return array;
    }
    if (value.isObject()) {
        QJsonObject object;
        const QJsonObject source = value.toObject();
        for (auto it = source.constBegin(); it != source.constEnd() && error->isEmpty(); ++it) {
            QString key = it.key();
            if (holdsExpression(key)) {
                key = evaluator.interpolateText(key, scope, bodyOrigin(stepName, pointer), error);
                if (!error->isEmpty())
                    break;
            }
            object.insert(
                key,
                interpolate(it.value(), scope, evaluator, stepName, pointer + QLatin1Char('/') + key, error));
        }
        return object;
    }
    return value;
}

} // namespace AuthStudio
