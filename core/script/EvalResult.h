// EvalResult: the value of an expression or script, or the reason it failed.
#pragma once

#include <QJsonValue>
#include <QString>

namespace AuthStudio {

struct EvalResult
{
    QJsonValue value;
    QString error; // empty on success
    bool timedOut = false; // failed because the script ran past its timeout

    bool ok() const { return error.isEmpty(); }
    static EvalResult failure(const QString &reason) { return {QJsonValue(), reason}; }
};

// How a value reads when it is put into a string: strings as they are, numbers in their shortest form,
// null and undefined as nothing, objects and arrays as compact JSON.
QString valueToText(const QJsonValue &value);

} // namespace AuthStudio
