// EvalResult: the value of an expression or script, or the reason it failed, and what the script wrote to
// its console meanwhile.
#pragma once

#include "ConsoleLine.h"

#include <QJsonValue>
#include <QString>

namespace AuthStudio {

struct EvalResult
{
    QJsonValue value;
    QString error; // empty on success
    bool timedOut = false; // failed because the script ran past its timeout
    // console.log() and the others, in order, up to the point it returned, threw or was stopped (capped:
    // see ConsoleLine). Not masked.
    QList<ConsoleLine> console = {};

    bool ok() const { return error.isEmpty(); }
    static EvalResult failure(const QString &reason) { return {QJsonValue(), reason}; }
};

// How a value reads when it is put into a string: strings as they are, numbers in their shortest form,
// null and undefined as nothing, objects and arrays as compact JSON.
QString valueToText(const QJsonValue &value);

} // namespace AuthStudio
