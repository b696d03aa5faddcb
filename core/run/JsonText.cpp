#include "JsonText.h"

namespace AuthStudio::JsonText {

void appendString(QByteArray &json, QByteArrayView utf8)
{
    json += '"';
    qsizetype plainFrom = 0; // runs that need no escaping are appended in one go
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const auto byte = static_cast<unsigned char>(utf8.at(i));
        if (byte >= 0x20 && byte != '"' && byte != '\\')
            continue;
        json.append(utf8.data() + plainFrom, i - plainFrom);
        plainFrom = i + 1;
        switch (byte) {
        case '"':
            json += "\\\"";
            break;
        case '\\':
            json += "\\\\";
            break;
        case '\n':
            json += "\\n";
            break;
        case '\r':
            json += "\\r";
            break;
        case '\t':
            json += "\\t";
            break;
        default:
            json += "\\u00";
            json += "0123456789abcdef"[byte >> 4];
            json += "0123456789abcdef"[byte & 0xF];
        }
    }
    json.append(utf8.data() + plainFrom, utf8.size() - plainFrom);
    json += '"';
}

} // namespace AuthStudio::JsonText
