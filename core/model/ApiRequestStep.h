// ApiRequestStep: calls an HTTP endpoint. Its result lands in the scope under the step's name as
// { status, headers, body } with the body parsed when it is JSON. A non-2xx reply stops the run.
#pragma once

#include "KeyValue.h"
#include "RequestBody.h"

#include <QStringList>

namespace AuthStudio {

struct ApiRequestStep
{
    static constexpr int DefaultTimeoutMs = 30000;

    QString name = QStringLiteral("http1");
    bool enabled = true;
    QString method = QStringLiteral("POST");
    QString url;
    KeyValueList headers;
    KeyValueList queryParameters;
    RequestBody body;
    int timeoutMs = DefaultTimeoutMs;

    // Every text of the step that may hold {{ expressions }}: the URL, header, query parameter and form
    // field names and values, and the body text.
    QStringList templateTexts() const
    {
        QStringList texts {url};
        for (const KeyValueList *rows : {&headers, &queryParameters, &body.fields}) {
            for (const KeyValue &row : *rows)
                texts << row.name << row.value;
        }
        texts << body.text;
        return texts;
    }

    // The texts a run evaluates (RequestBuilder): the URL, the enabled rows of the tables, and the body of
    // the kind in use.
    QStringList evaluatedTexts() const
    {
        QStringList texts {url};
        const auto addRows = [&texts](const KeyValueList &rows) {
            for (const KeyValue &row : rows) {
                if (row.enabled && !row.isBlank())
                    texts << row.name << row.value;
            }
        };
        addRows(headers);
        addRows(queryParameters);
        if (body.kind == RequestBody::Kind::FormUrlEncoded)
            addRows(body.fields);
        else if (body.kind != RequestBody::Kind::None)
            texts << body.text;
        return texts;
    }

    bool operator==(const ApiRequestStep &) const = default;
};

} // namespace AuthStudio
