// JsonText: writing JSON text directly, for the hot paths that build request bodies and response scope
// values without going through QJsonObject.
#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace AuthStudio::JsonText {

// Appends `utf8` as a JSON string literal (quotes, backslashes and control characters escaped; other
// bytes, UTF-8 included, as they are).
void appendString(QByteArray &json, QByteArrayView utf8);

} // namespace AuthStudio::JsonText
