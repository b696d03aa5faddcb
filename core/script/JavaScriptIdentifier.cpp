#include "JavaScriptIdentifier.h"

#include <QSet>

namespace AuthStudio::JavaScriptIdentifier {

bool isReservedWord(const QString &name)
{
    static const QSet<QString> words = [] {
        QSet<QString> set;
        for (const char *word :
             {"await", "break", "case", "catch", "class", "const", "continue", "debugger", "default",
              "delete", "do", "else", "enum", "export", "extends", "false", "finally", "for", "function",
              "if", "implements", "import", "in", "instanceof", "interface", "let", "new", "null", "package",
              "private", "protected", "public", "return", "static", "super", "switch", "this", "throw",
              "true", "try", "typeof", "var", "void", "while", "with", "yield", "undefined", "NaN",
              "Infinity",
              // Not a keyword, but every object's prototype: a step of this name read back as
              // Object.prototype in scripts, its own value in {{ }} (QA pass 50).
              "__proto__"})
            set.insert(QString::fromLatin1(word));
        return set;
    }();
    return words.contains(name);
}

bool isBuiltinGlobal(const QString &name)
{
    // ECMAScript's (the script engine reads its own list from the engine; this one serves the editors and
    // `validate`, which don't start an engine) and the engine's own.
    static const QSet<QString> globals = [] {
        QSet<QString> set;
        for (const char *global : {"Array",
                                   "ArrayBuffer",
                                   "Atomics",
                                   "BigInt",
                                   "Boolean",
                                   "DataView",
                                   "Date",
                                   "Error",
                                   "EvalError",
                                   "Float32Array",
                                   "Float64Array",
                                   "Function",
                                   "Int8Array",
                                   "Int16Array",
                                   "Int32Array",
                                   "JSON",
                                   "Map",
                                   "Math",
                                   "Number",
                                   "Object",
                                   "Proxy",
                                   "RangeError",
                                   "ReferenceError",
                                   "Reflect",
                                   "RegExp",
                                   "Set",
                                   "SharedArrayBuffer",
                                   "String",
                                   "Symbol",
                                   "SyntaxError",
                                   "TypeError",
                                   "URIError",
                                   "Uint8Array",
                                   "Uint8ClampedArray",
                                   "Uint16Array",
                                   "Uint32Array",
                                   "WeakMap",
                                   "WeakSet",
                                   "decodeURI",
                                   "decodeURIComponent",
                                   "encodeURI",
                                   "encodeURIComponent",
                                   "escape",
                                   "eval",
                                   "globalThis",
                                   "isFinite",
                                   "isNaN",
                                   "parseFloat",
                                   "parseInt",
                                   "unescape",
                                   "URL",
                                   "URLSearchParams"})
            set.insert(QString::fromLatin1(global));
        for (const char *global : EngineGlobals)
            set.insert(QString::fromLatin1(global));
        return set;
    }();
    return globals.contains(name);
}

QStringList engineGlobalMembers(const QString &name)
{
    // AuthLibrary's invokable functions (tst_scriptengine checks the two lists agree) and the prelude's
    // console methods.
    if (name == QLatin1String("auth")) {
        return {QStringLiteral("base64Decode"),    QStringLiteral("base64Encode"),
                QStringLiteral("base64UrlEncode"), QStringLiteral("hmacSha256"),
                QStringLiteral("jwtDecode"),       QStringLiteral("randomUUID"),
                QStringLiteral("sha256")};
    }
    if (name == QLatin1String("console")) {
        return {QStringLiteral("debug"), QStringLiteral("error"), QStringLiteral("info"),
                QStringLiteral("log"), QStringLiteral("warn")};
    }
    return {};
}

} // namespace AuthStudio::JavaScriptIdentifier
