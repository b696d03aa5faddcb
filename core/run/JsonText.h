// JsonText: writing JSON text directly, for the hot paths that build request bodies and response scope
// values without going through QJsonObject.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonValue>
#include <QString>
#include <QStringView>

namespace AuthStudio::JsonText {

// Appends `utf8` as a JSON string literal (quotes, backslashes and control characters escaped; other
// bytes, UTF-8 included, as they are).
void appendString(QByteArray &json, QByteArrayView utf8);

// Roughly how many bytes `value` writes out as, counted only up to `limit`: the walk over a small value is
// short and the one over a large value stops early, so callers can ask "is this large?" on every step.
// At least `limit` when the value is that large or larger.
qsizetype sizeUpTo(const QJsonValue &value, qsizetype limit);

// Valid JSON text set out one value a line, indented by two spaces, `"key": value`: keys keep their order
// and every string, number and escape stays as written (a re-serialised QJsonDocument sorts keys and
// rewrites numbers). Empty objects and arrays stay `{}` and `[]`. Text that isn't valid JSON comes out
// re-spaced but no more valid: check it first.
QString indented(QStringView json);

// The length of the longest line of `text`, in characters.
qsizetype longestLine(QStringView text);

} // namespace AuthStudio::JsonText
