// JsonBodyTemplate: an API Request step's JSON body, parsed once per text and split into literal JSON text
// and the {{ }} strings between it, so a request writes its body directly instead of building and
// serialising a QJsonObject every time. A string that is exactly one {{ expression }} takes the value's
// type ({"count": "{{ n }}"} sends a number when n is one).
#pragma once

#include <QJsonValue>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace AuthStudio {

class ExpressionEvaluator;
class Scope;

class JsonBodyTemplate
{
public:
    // From a cache: the same bodies go out on every run.
    static std::shared_ptr<const JsonBodyTemplate> parse(const QString &text);
    // Whether a JSON parse error at `offset` (in characters) is an expression written outside a JSON
    // string, as in {"token": {{ TOKEN }}}: then the fix is to quote it, which errors elsewhere don't need.
    static bool isExpressionOutsideString(const QString &text, qsizetype offset);

    // Why a body is not valid JSON, and where in the words of an editor: characters, lines and columns
    // counted from 1 (the parser counts UTF-8 bytes from 0). The studio's line under the body and the
    // file's validation both say it so, and point at the same place.
    struct SyntaxError
    {
        QString reason;
        qsizetype offset = 0; // in characters
        int line = 1;
        int column = 1;
        bool expressionOutsideString = false; // see isExpressionOutsideString()
    };
    // Nothing when `text` is valid JSON.
    static std::optional<SyntaxError> syntaxError(const QString &text);

    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; } // why the text is not valid JSON

    // The body with every {{ }} string evaluated. On failure returns a null array and sets *error to the
    // message (it names `stepName`, "body" and the JSON pointer of the string at fault).
    QByteArray render(const Scope &scope, const ExpressionEvaluator &evaluator, const QString &stepName,
                      QString *error) const;

private:
    struct Slot
    {
        QByteArray before; // literal JSON text that precedes the string
        QString text; // the string holding {{ }}
        QString pointer; // its JSON pointer, for errors
    };

    void compile(const QJsonValue &value, const QString &pointer, QByteArray &pending);
    QJsonValue interpolate(const QJsonValue &value, const Scope &scope, const ExpressionEvaluator &evaluator,
                           const QString &stepName, const QString &pointer, QString *error) const;

    QString m_error;
    QJsonValue m_root;
    // Keys with {{ }} decide the order of the members only once evaluated: such bodies are interpolated
    // as a tree instead.
    bool m_hasTemplatedKeys = false;
    QList<Slot> m_slots;
    QByteArray m_tail; // literal JSON text after the last slot
};

} // namespace AuthStudio
