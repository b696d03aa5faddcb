#include "JavaScriptEngine.h"

#include "AuthLibrary.h"
#include "ScriptConsole.h"
#include "ScriptWatchdog.h"
#include "script/JavaScriptIdentifier.h"
#include "script/Scope.h"

#include <QElapsedTimer>
#include <QJSValueIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <utility>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace AuthStudio {

namespace {

// btoa/atob on top of the auth library. Kept in JavaScript so they behave like the browser functions
// people know (throwing on bad input). console's methods take any number of arguments, which only
// JavaScript can pass on whole; the sink (a ScriptConsole) is reached through the closure, not a global.
// The levels are ConsoleLine::Level's. Frozen: the engine serves every run, and a script replacing
// console.log must not silence the next one; a proxy says so (a frozen property assigned to gave V4's
// bare "TypeError: Type error"). (console itself, assigned to, is put back after the run: see
// restoreOwnGlobals.)
// Array.prototype.join and toLocaleString skip an array inside itself, as browsers do ("1," for [1, self]):
// QJSEngine's own recurse in native code until the process crashes (String(a) for an array holding itself
// took the studio down with unsaved work, QA pass 24). String(), template literals and toString() all
// come through join.
const char *const Prelude = R"JS(
(function (g, sink, library) {
    // ECMAScript 2020's name for the global object, which Qt 6.4's engine lacks (QA pass 41: scripts
    // written for browsers or Node use it). As the standard has it: writable, configurable, not enumerable.
    if (!Object.prototype.hasOwnProperty.call(g, 'globalThis'))
        Object.defineProperty(g, 'globalThis',
                              { value: g, writable: true, configurable: true, enumerable: false });
    // ECMAScript's globals: all the engine has before this adds its own.
    var builtins = Object.getOwnPropertyNames(g);
    g.auth = library;
    // The library taken here, not g.auth at each call: a step named auth hides it (QA pass 29).
    g.btoa = function (s) { return library.base64Encode(String(s)); };
    g.atob = function (s) { return library.base64Decode(String(s)); };
    var joining = [];
    var guard = function (native) {
        return function () {
            if (joining.indexOf(this) >= 0)
                return '';
            joining.push(this);
            try {
                return native.apply(this, arguments);
            } finally {
                joining.pop();
            }
        };
    };
    Object.defineProperty(Array.prototype, 'join',
                          { value: guard(Array.prototype.join), writable: true, configurable: true });
    Object.defineProperty(Array.prototype, 'toLocaleString',
                          { value: guard(Array.prototype.toLocaleString), writable: true, configurable: true });
    var console = {};
    ['log', 'info', 'warn', 'error', 'debug'].forEach(function (name, level) {
        var write = function () { sink.write(level, arguments); };
        Object.defineProperty(write, 'name', { value: name }); // printed as [Function: log]
        console[name] = write;
    });
    // Any change (console.log = f, console.foo = 1, defineProperty, delete) is refused with the reason,
    // where the frozen object alone gave V4's bare "Type error".
    var refuse = function (target, key) {
        throw new TypeError('console.' + String(key) + " can't be changed: the scripts that run after " +
                            'this one also write to it');
    };
    g.console = new Proxy(Object.freeze(console), {
        set: refuse,
        defineProperty: refuse,
        deleteProperty: refuse,
        setPrototypeOf: function () { return refuse(null, '__proto__'); }
    });

    // ECMAScript's built-ins as the engine has them now. Scripts share the engine, so one that changes a
    // built-in (JSON.stringify = null, Array.prototype.map = ...) must not change it for the runs after
    // it: intact() tells whether any is changed, restore() puts them back.
    // intact() and restore() use only these, taken now and called plainly: a script that nulls
    // Array.prototype.forEach or Reflect.defineProperty must not stop them (QA pass 29).
    var ownKeys = Reflect.ownKeys, describe = Object.getOwnPropertyDescriptor,
        defineProperty = Reflect.defineProperty, deleteProperty = Reflect.deleteProperty,
        prototypeOf = Object.getPrototypeOf;
    var globals = [];
    for (var b = 0; b < builtins.length; ++b)
        globals[b] = g[builtins[b]];
    var held = [];        // the objects whose own properties are kept
    var heldKeys = [];    // each one's keys, in an array
    var heldValues = [];  // each one's descriptors, in the same order
    var dataObjects = [], dataKeys = [], dataValues = []; // their data properties, for intact()
    var accessorObjects = [], accessorKeys = [], accessorGets = [], accessorSets = []; // their accessors
    var isHeld = function (o) {
        for (var h = 0; h < held.length; ++h) {
            if (held[h] === o)
                return true;
        }
        return false;
    };
    var hold = function (o) {
        // Not the global object (globalThis's value): its own properties are the builtins' names, kept
        // by name below, and the scope values installed there come and go.
        if (o === null || o === g || (typeof o !== 'object' && typeof o !== 'function') || isHeld(o))
            return;
        var keys = ownKeys(o);
        var values = [];
        for (var k = 0; k < keys.length; ++k) {
            var d = describe(o, keys[k]);
            values[k] = d;
            if ('value' in d) {
                dataObjects[dataObjects.length] = o;
                dataKeys[dataKeys.length] = keys[k];
                dataValues[dataValues.length] = d.value;
            } else {
                accessorObjects[accessorObjects.length] = o;
                accessorKeys[accessorKeys.length] = keys[k];
                accessorGets[accessorGets.length] = d.get;
                accessorSets[accessorSets.length] = d.set;
            }
        }
        held[held.length] = o;
        heldKeys[heldKeys.length] = keys;
        heldValues[heldValues.length] = values;
    };
    for (var r = 0; r < globals.length; ++r) {
        hold(globals[r]);
        if (globals[r] !== null && typeof globals[r] === 'function')
            hold(globals[r].prototype);
    }
    hold(prototypeOf(Int8Array)); // %TypedArray%, the typed arrays' shared methods
    hold(prototypeOf(Int8Array.prototype));
    // Generators' prototypes (QA pass 31).
    hold(prototypeOf(function* () {}));
    hold(prototypeOf(function* () {}).prototype);
    hold(prototypeOf(prototypeOf(function* () {}).prototype));
    // The iterators' prototypes, which every for-of loop goes through (QA pass 29).
    [[][Symbol.iterator](), new Map()[Symbol.iterator](), new Set()[Symbol.iterator](), ''[Symbol.iterator]()]
        .forEach(function (iterator) {
            hold(prototypeOf(iterator));
            hold(prototypeOf(prototypeOf(iterator)));
        });
    var same = function (a, b) { return a === b || (a !== a && b !== b); }; // NaN is NaN
    var intact = function () {
        for (var i = 0; i < dataObjects.length; ++i) {
            var d = describe(dataObjects[i], dataKeys[i]);
            if (!d || !same(d.value, dataValues[i]))
                return false;
        }
        for (var a = 0; a < accessorObjects.length; ++a) {
            var e = describe(accessorObjects[a], accessorKeys[a]);
            if (!e || e.get !== accessorGets[a] || e.set !== accessorSets[a])
                return false;
        }
        for (var j = 0; j < held.length; ++j) {
            if (ownKeys(held[j]).length !== heldKeys[j].length)
                return false;
        }
        for (var k = 0; k < builtins.length; ++k) {
            if (!same(g[builtins[k]], globals[k]))
                return false;
        }
        return true;
    };
    var sameDescriptor = function (a, b) {
        return same(a.value, b.value) && a.get === b.get && a.set === b.set && a.writable === b.writable &&
            a.enumerable === b.enumerable && a.configurable === b.configurable;
    };
    var contains = function (list, item) {
        for (var c = 0; c < list.length; ++c) {
            if (list[c] === item)
                return true;
        }
        return false;
    };
    // `hidden`: global names a scope value holds on purpose (a step named like a built-in).
    var restore = function (hidden) {
        for (var h = 0; h < held.length; ++h) {
            var o = held[h], keys = heldKeys[h], values = heldValues[h];
            var now = ownKeys(o);
            for (var n = 0; n < now.length; ++n) {
                if (!contains(keys, now[n]))
                    deleteProperty(o, now[n]); // added since
            }
            for (var k = 0; k < keys.length; ++k) {
                var d = describe(o, keys[k]);
                if (!d || !sameDescriptor(d, values[k]))
                    defineProperty(o, keys[k], values[k]); // false when it can't be: frozen since, say
            }
        }
        for (var b = 0; b < builtins.length; ++b) {
            if (!contains(hidden, builtins[b]) && !same(g[builtins[b]], globals[b]))
                defineProperty(g, builtins[b], { value: globals[b], writable: true, configurable: true,
                                                 enumerable: false });
        }
    };
    // A symbol anywhere in a result or a thrown value crashed the process in QJSEngine's conversion to
    // JSON (Qt 6.4; QA pass 33: `return { s: Symbol('s') }`). Such a value is converted here instead,
    // each symbol written as its description ("Symbol(s)"); any other value is returned as it is.
    // A Date is written as JSON.stringify writes it, its ISO time (null when invalid): QJSEngine's
    // conversion made it {} (QA pass 40: an expiry time a script computed came out empty), so one
    // anywhere in the value has it converted here too.
    // No set of the objects seen: V4's Set takes linear time per look-up (60 000 objects took 10 s). A
    // cycle is followed MaxDepth deep instead; a value deeper than that, or a walk past MaxVisits (a cycle
    // branching out), counts as holding one, and the copy below cuts it there. Plain loops only: the
    // watchdog may stop them (JSON.stringify with a replacer, stopped, crashed too: QA pass 34).
    var text = String, isArray = Array.isArray, keysOf = Object.keys;
    var MaxDepth = 512, MaxVisits = 1000000;
    var DateType = Date, apply = Reflect.apply, timeOf = Date.prototype.getTime,
        isoTextOf = Date.prototype.toISOString;
    var isDate = function (x) { return x instanceof DateType; };
    var dateJson = function (date) {
        var time = apply(timeOf, date, []);
        return time === time ? apply(isoTextOf, date, []) : null; // NaN: an invalid date
    };
    var holdsSymbolOrDate = function (value) {
        var visits = 0;
        var walk = function (o, depth) {
            var keys = ownKeys(o);
            for (var k = 0; k < keys.length; ++k) {
                var x = o[keys[k]];
                if (typeof x === 'symbol' || ++visits > MaxVisits)
                    return true;
                if (x !== null && typeof x === 'object' &&
                    (isDate(x) || depth >= MaxDepth || walk(x, depth + 1)))
                    return true;
            }
            return false;
        };
        return walk(value, 0);
    };
    // What the conversion reads (array items, own enumerable string keys), symbols as their description,
    // anything deeper than MaxDepth or past MaxVisits as what it reads as ("[object Object]").
    // A cycle comes out as the conversion writes it, {} where an object holds one of its own parents.
    var cut = false; // whether the last copy cut the value (read by the engine after each)
    var copy = function (value) {
        var visits = 0, parents = [];
        var copyOf = function (x, depth) {
            if (typeof x === 'symbol')
                return text(x);
            if (x === null || typeof x !== 'object')
                return x;
            if (isDate(x))
                return dateJson(x);
            if (depth >= MaxDepth || ++visits > MaxVisits) {
                cut = true;
                return text(x);
            }
            for (var p = 0; p < depth; ++p) {
                if (parents[p] === x)
                    return {};
            }
            parents[depth] = x;
            var c, k;
            if (isArray(x)) {
                c = [];
                for (k = 0; k < x.length; ++k)
                    c[k] = copyOf(x[k], depth + 1);
                return c;
            }
            c = {};
            var keys = keysOf(x);
            for (k = 0; k < keys.length; ++k) // defined, not assigned: a key "__proto__" stays a key
                defineProperty(c, keys[k], { value: copyOf(x[keys[k]], depth + 1), enumerable: true,
                                             writable: true, configurable: true });
            return c;
        };
        return copyOf(value, 0);
    };
    var jsonSafe = function (value) {
        cut = false;
        if (typeof value === 'symbol')
            return text(value);
        if (value === null || typeof value !== 'object')
            return value;
        if (isDate(value))
            return dateJson(value);
        if (!holdsSymbolOrDate(value))
            return value;
        return copy(value);
    };
    return { joining: joining, intact: intact, restore: restore, builtins: builtins, jsonSafe: jsonSafe,
             wasCut: function () { return cut; } };
})
)JS";

// The globals the engine adds to ECMAScript's. A scope value of one of these names hides it while the
// value is installed; it comes back when the value goes.
constexpr auto &OwnGlobals = JavaScriptIdentifier::EngineGlobals;

// Converting a script's result to JSON runs at about 3000 values a millisecond here (measured: a 40 000
// item array of small objects, 240 000 values, took 75 ms) and can't be interrupted. A third of that, to
// leave room for slower machines.
constexpr qint64 ConvertedValuesPerMs = 1000;
// Budgets from this one up are a script's own timeout, not a quick first try: no size check.
constexpr qint64 SizeCheckedBelowMs = 1000;
// How deep a result is read before the rest is cut: the prelude's MaxDepth.
constexpr int MaxResultDepth = 512;

// Whether `value` holds no more than `budget` values (objects, arrays and what they hold), counting
// `budget` down; it stops as soon as the budget is spent, so a large or cyclic value costs no more than
// the budget to check.
bool fitsIn(const QJSValue &value, qint64 &budget)
{
    if (--budget < 0)
        return false;
    if (!value.isObject() || value.isCallable())
        return true;
    if (value.isArray()) {
        const qint64 length = value.property(QStringLiteral("length")).toInt();
        if (length > budget)
            return false;
        for (qint64 i = 0; i < length; ++i) {
            if (!fitsIn(value.property(quint32(i)), budget))
                return false;
        }
        return true;
    }
    QJSValueIterator it(value);
    while (it.hasNext()) {
        it.next();
        if (!fitsIn(it.value(), budget))
            return false;
    }
    return true;
}

// How much memory one script may take: far more than a login's data needs (a script reading a 6 MB reply
// takes about 60 MB), and well short of what stops a desktop. Without a limit, an endless loop adding to an
// array took 1.2 GB within the 5 s script timeout (QA pass 40). AUTHSTUDIO_SCRIPT_MEMORY_MB sets another
// (0: none).
qint64 scriptMemoryLimit()
{
    constexpr qint64 DefaultMb = 512;
    bool ok = false;
    const qint64 mb = qEnvironmentVariableIntValue("AUTHSTUDIO_SCRIPT_MEMORY_MB", &ok);
    return (ok && mb >= 0 ? mb : DefaultMb) * 1024 * 1024;
}

} // namespace

JavaScriptEngine::JavaScriptEngine()
    : m_engine(std::make_unique<QJSEngine>())
    , m_library(new AuthLibrary(m_engine.get(), this))
    , m_console(new ScriptConsole(m_engine.get(), this))
    , m_watchdog(std::make_unique<ScriptWatchdog>(m_engine.get(), scriptMemoryLimit()))
{
    QJSValue global = m_engine->globalObject();
    QJSValue library = m_engine->newQObject(m_library);
    QJSEngine::setObjectOwnership(m_library, QJSEngine::CppOwnership);
    QJSValue sink = m_engine->newQObject(m_console);
    QJSEngine::setObjectOwnership(m_console, QJSEngine::CppOwnership);
    // Globals that are QJSEngine conveniences, not ECMAScript; scripts should not depend on them.
    global.deleteProperty(QStringLiteral("print"));
    global.deleteProperty(QStringLiteral("gc"));
    // No promises: a script has nothing to wait for (no network, no timers), and a promise's callbacks
    // ran later, from the event loop, outside the step and its time limit. An endless loop in one froze
    // the studio and the CLI for good (QA pass 30).
    global.deleteProperty(QStringLiteral("Promise"));
    const QJSValue prelude = m_engine->evaluate(QString::fromLatin1(Prelude), QStringLiteral("prelude"))
                                 .call({global, sink, library});
    m_thrown = m_engine->newObject();
    m_joining = prelude.property(QStringLiteral("joining"));
    m_builtinsIntact = prelude.property(QStringLiteral("intact"));
    m_restoreBuiltins = prelude.property(QStringLiteral("restore"));
    m_jsonSafe = prelude.property(QStringLiteral("jsonSafe"));
    m_jsonSafeCut = prelude.property(QStringLiteral("wasCut"));
    // How V4 names a file given as "prelude" ("file:prelude" in Qt 6.4).
    m_preludeFile = m_engine->evaluate(QStringLiteral("new Error()"), QStringLiteral("prelude"))
                        .property(QStringLiteral("fileName"))
                        .toString();
    for (const char *name : OwnGlobals) {
        const QString key = QString::fromLatin1(name);
        m_ownGlobals.insert(key, global.property(key));
    }
    // ECMAScript's globals too, as the prelude found them: a step named JSON hides JSON while its value is
    // installed, and JSON comes back when the value goes (it used to be deleted, for the rest of the
    // studio's life).
    const QJSValue names = prelude.property(QStringLiteral("builtins"));
    const int count = names.property(QStringLiteral("length")).toInt();
    for (int i = 0; i < count; ++i) {
        const QString key = names.property(quint32(i)).toString();
        m_builtinGlobals.insert(key, global.property(key));
    }
}

JavaScriptEngine::~JavaScriptEngine()
{
    m_watchdog.reset(); // stop the watchdog thread before the engine goes
}

namespace {

// What a source could change a built-in with: an assignment to a property (`a.b =`, `a[b] +=`, a
// destructuring target), `++`/`--`, `delete`, or a function that defines properties or prototypes; and
// the names it assigns to as plain variables (JSON = null). From the text, strings and comments included,
// which only ever errs towards checking more. Other code can't change a built-in, so its run skips the
// check (about 60 µs, where a small JavaScript step takes 10 to 20).
struct Changes
{
    bool properties = false;
    QSet<QString> assigned;
};

Changes changesIn(const QString &source)
{
    Changes changes;
    // Also what hides an assignment from the scan below (QA passes 29 and 31): a comment before its `=`,
    // an escape, a for-in or for-of target, a name put together in brackets ('con' + 'structor'), a
    // built-in method called on another built-in (push.call(Object.prototype, ...)).
    for (const char *word : {"++",
                             "--",
                             "delete",
                             "defineProperty",
                             "defineProperties",
                             "assign",
                             "setPrototypeOf",
                             "__proto__",
                             "Reflect",
                             "constructor",
                             "/*",
                             "//",
                             "\\u",
                             "\\x",
                             "for(",
                             "for (",
                             "['",
                             "[\"",
                             "[`",
                             ".call(",
                             ".apply("}) {
        if (source.contains(QLatin1String(word)))
            changes.properties = true;
    }
    const qsizetype size = source.size();
    for (qsizetype at = source.indexOf(u'='); at >= 0 && at < size; at = source.indexOf(u'=', at + 1)) {
        const QChar next = at + 1 < size ? source.at(at + 1) : QChar();
        if (next == u'=' || next == u'>')
            continue; // ==, ===, =>
        qsizetype before = at - 1;
        // A compound operator (+=, >>>=, ??=), or a comparison (!=, <=, >=) that is no assignment.
        if (before >= 0 &&
            (source.at(before) == u'!' ||
             ((source.at(before) == u'<' || source.at(before) == u'>') &&
              (before == 0 || (source.at(before - 1) != u'<' && source.at(before - 1) != u'>')))))
            continue;
        if (before >= 0 && source.at(before) == u'=')
            continue; // the second = of ==
        while (before >= 0 && QStringLiteral("+-*/%&|^<>?").contains(source.at(before)))
            --before;
        while (before >= 0 && source.at(before).isSpace())
            --before;
        if (before < 0)
            continue;
        const QChar last = source.at(before);
        if (last == u']' || last == u'}' || last == u')') {
            changes.properties = true; // a[b] =, a destructuring target, (a.b) =
            continue;
        }
        if (!JavaScriptIdentifier::isPart(last))
            continue;
        qsizetype start = before;
        while (start > 0 && JavaScriptIdentifier::isPart(source.at(start - 1)))
            --start;
        qsizetype dot = start - 1;
        while (dot >= 0 && source.at(dot).isSpace())
            --dot;
        if (dot >= 0 && source.at(dot) == u'.')
            changes.properties = true; // a.b =
        else
            changes.assigned.insert(source.mid(start, before - start + 1));
    }
    return changes;
}

// How a source uses a global: not at all, only through property chains (`name.body.token`: which
// chains), or otherwise (passed around, destructured, indexed, enumerated...: the whole value).
struct Usage
{
    bool mentioned = false;
    bool whole = false;
    QList<QStringList> paths; // property chains after the name; none of them a prefix of another
};

bool isPrefix(const QStringList &prefix, const QStringList &of)
{
    return prefix.size() <= of.size() && std::equal(prefix.cbegin(), prefix.cend(), of.cbegin());
}

void addPath(QList<QStringList> &paths, const QStringList &path)
{
    for (const QStringList &known : paths) {
        if (isPrefix(known, path))
            return; // already converted whole at that depth
    }
    paths.removeIf([&](const QStringList &known) { return isPrefix(path, known); });
    paths.append(path);
}

// What a source does with each name in it, from one pass over the text (strings and comments included,
// which only ever errs towards converting more). Cached: the same steps and fields run again and again.
struct SourceUsage
{
    bool dynamicGlobals = false;
    QHash<QString, Usage> names;
    bool namesOwnGlobal = false; // names one of OwnGlobals, or reaches globals by other means
    Changes changes;
};

SourceUsage analyse(const QString &source)
{
    SourceUsage result;
    result.dynamicGlobals = JavaScriptIdentifier::reachesGlobalsDynamically(source);
    const qsizetype size = source.size();
    for (qsizetype at = 0; at < size;) {
        if (!JavaScriptIdentifier::isPart(source.at(at))) {
            ++at;
            continue;
        }
        qsizetype end = at;
        while (end < size && JavaScriptIdentifier::isPart(source.at(end)))
            ++end;
        Usage &usage = result.names[source.mid(at, end - at)];
        usage.mentioned = true;
        QStringList path;
        qsizetype chainEnd = end;
        while (chainEnd < size && source.at(chainEnd) == u'.') {
            qsizetype propertyEnd = chainEnd + 1;
            while (propertyEnd < size && JavaScriptIdentifier::isPart(source.at(propertyEnd)))
                ++propertyEnd;
            if (propertyEnd == chainEnd + 1)
                break;
            path.append(source.mid(chainEnd + 1, propertyEnd - chainEnd - 1));
            chainEnd = propertyEnd;
        }
        if (path.isEmpty())
            usage.whole = true; // passed around, destructured, indexed, enumerated...
        else if (!usage.whole)
            addPath(usage.paths, path);
        at = end; // the chain's properties are names too (conservatively)
    }
    result.changes = changesIn(source);
    result.namesOwnGlobal = result.dynamicGlobals ||
        std::any_of(std::cbegin(OwnGlobals), std::cend(OwnGlobals),
                    [&result](const char *name) { return result.names.contains(QLatin1String(name)); });
    return result;
}

const SourceUsage &usageIn(const QString &source)
{
    thread_local QHash<QString, SourceUsage> cache;
    auto it = cache.find(source);
    if (it == cache.end()) {
        if (cache.size() > 2048)
            cache.clear();
        it = cache.insert(source, analyse(source));
    }
    return it.value();
}

// Every path needs its first property to be the object's own (else it may be a prototype method such
// as hasOwnProperty, which only the whole object answers correctly), and so on down the chain.
bool pathsAreOwnProperties(const QJsonObject &object, const QList<QStringList> &paths, qsizetype depth)
{
    for (const QStringList &path : paths) {
        if (depth >= path.size())
            continue;
        const auto found = object.constFind(path.at(depth));
        if (found == object.constEnd())
            return false;
        if (found.value().isObject() && depth + 1 < path.size() &&
            !pathsAreOwnProperties(found.value().toObject(), {path}, depth + 1))
            return false;
    }
    return true;
}

} // namespace

// Builds a JavaScript object holding only the given property chains of `object` (each chain's last
// property converted whole).
QJSValue JavaScriptEngine::partialObject(const QJsonObject &object, const QList<QStringList> &paths,
                                         qsizetype depth)
{
    QJSValue value = m_engine->newObject();
    QStringList done;
    for (const QStringList &path : paths) {
        const QString &property = path.at(depth);
        if (done.contains(property))
            continue;
        done.append(property);
        const QJsonValue member = object.value(property);
        QList<QStringList> deeper;
        bool whole = !member.isObject();
        for (const QStringList &other : paths) {
            if (other.at(depth) != property)
                continue;
            if (other.size() == depth + 1)
                whole = true;
            else
                deeper.append(other);
        }
        value.setProperty(property,
                          whole ? m_engine->toScriptValue(member)
                                : partialObject(member.toObject(), deeper, depth + 1));
    }
    return value;
}

void JavaScriptEngine::restoreOwnGlobals()
{
    // Only code that names one of them, or reaches globals by other means, can have replaced it: the
    // check stays off the path of the usual {{ }} expression.
    if (!m_mayReplaceOwnGlobals)
        return;
    QJSValue global = m_engine->globalObject();
    for (auto own = m_ownGlobals.cbegin(); own != m_ownGlobals.cend(); ++own) {
        if (m_installed.contains(own.key()))
            continue; // a scope value of that name hides it on purpose
        if (!global.property(own.key()).strictlyEquals(own.value()))
            global.setProperty(own.key(), own.value());
    }
}

void JavaScriptEngine::dropStrayGlobals()
{
    // A global made by assignment is enumerable, unlike ECMAScript's; the engine's own and the scope's
    // are known by name.
    QJSValue global = m_engine->globalObject();
    QStringList strays;
    QJSValueIterator property(global);
    while (property.hasNext()) {
        property.next();
        const QString name = property.name();
        if (!m_installed.contains(name) && !m_ownGlobals.contains(name) && !m_builtinGlobals.contains(name))
            strays.append(name);
    }
    for (const QString &name : std::as_const(strays))
        global.deleteProperty(name);
}

void JavaScriptEngine::restoreBuiltins()
{
    if (m_builtinsIntact.call().toBool())
        return;
    QJSValue hidden = m_engine->newArray(uint(m_installed.size()));
    quint32 index = 0;
    for (auto it = m_installed.cbegin(); it != m_installed.cend(); ++it)
        hidden.setProperty(index++, it.key());
    m_restoreBuiltins.call({hidden});
}

void JavaScriptEngine::removeGlobal(const QString &name)
{
    QJSValue global = m_engine->globalObject();
    const auto own = m_ownGlobals.constFind(name);
    const auto builtin = m_builtinGlobals.constFind(name);
    if (own != m_ownGlobals.constEnd())
        global.setProperty(name, own.value());
    else if (builtin != m_builtinGlobals.constEnd())
        global.setProperty(name, builtin.value());
    else
        global.deleteProperty(name);
}

void JavaScriptEngine::forgetValuesTheLastScriptReached()
{
    // Done here, before the next call, rather than when the script ends: a cancelled script leaves the
    // engine interrupted until then.
    // Marked out of date, not deleted: installScope() then sets each again over the old value. Deleting a
    // global and defining it again at every run left V4 unable to set it at all after 127 runs (the
    // benchmark's workflow then read http1 as undefined).
    const SourceUsage &usage = usageIn(std::exchange(m_lastScript, {}));
    QJSValue global = m_engine->globalObject();
    for (auto it = m_installed.begin(); it != m_installed.end(); ++it) {
        // Strings, numbers and the like can't be changed in place; reassigned, the name is put back anyway.
        if ((usage.dynamicGlobals || usage.names.contains(it.key())) && global.property(it.key()).isObject())
            it->revision = 0; // no scope value has revision 0
    }
}

void JavaScriptEngine::installScope(const Scope &scope, const QString &source)
{
    if (!m_lastScript.isNull())
        forgetValuesTheLastScriptReached();
    const SourceUsage &sourceUsage = usageIn(source);
    m_mayReplaceOwnGlobals = sourceUsage.namesOwnGlobal;
    m_mayLeaveGlobals = sourceUsage.dynamicGlobals || sourceUsage.changes.properties ||
        !sourceUsage.changes.assigned.isEmpty();
    m_mayChangeBuiltins = sourceUsage.dynamicGlobals || sourceUsage.changes.properties ||
        std::any_of(sourceUsage.changes.assigned.cbegin(), sourceUsage.changes.assigned.cend(),
                    [this](const QString &name) { return m_builtinGlobals.contains(name); });
    const bool everything = sourceUsage.dynamicGlobals;
    QJSValue global = m_engine->globalObject();
    // Drop globals of names that this scope does not have (a previous run's steps).
    for (auto it = m_installed.begin(); it != m_installed.end();) {
        if (!scope.contains(it.key())) {
            removeGlobal(it.key());
            it = m_installed.erase(it);
        } else {
            ++it;
        }
    }
    const QJsonObject &values = scope.values();
    for (auto it = values.constBegin(); it != values.constEnd(); ++it) {
        const quint64 revision = scope.revision(it.key());
        auto installed = m_installed.find(it.key());
        const Usage usage = everything ? Usage {true, true, {}} : sourceUsage.names.value(it.key());
        if (!usage.mentioned) {
            if (installed != m_installed.end() && installed->revision != revision) {
                removeGlobal(it.key()); // an older value must not be seen
                m_installed.erase(installed);
            }
            continue;
        }
        const bool partial = !usage.whole && it.value().isObject() &&
            pathsAreOwnProperties(it.value().toObject(), usage.paths, 0);
        if (installed != m_installed.end() && installed->revision == revision) {
            const bool covered = installed->whole ||
                (partial &&
                 std::all_of(usage.paths.cbegin(), usage.paths.cend(), [&](const QStringList &path) {
                     return std::any_of(installed->paths.cbegin(), installed->paths.cend(),
                                        [&path](const QStringList &had) { return isPrefix(had, path); });
                 }));
            if (covered)
                continue;
        }
        if (partial) {
            global.setProperty(it.key(), partialObject(it.value().toObject(), usage.paths, 0));
            m_installed.insert(it.key(), {revision, false, usage.paths});
        } else {
            global.setProperty(it.key(),
                               m_engine->toScriptValue(QJsonValue(it.value()))); // converts natively
            m_installed.insert(it.key(), {revision, true, {}});
        }
    }
}

EvalResult JavaScriptEngine::evaluateExpression(const QString &expression, const Scope &scope,
                                                const QString &origin, int timeoutMs)
{
    installScope(scope, expression);
    return call(expression, FunctionKind::Expression, origin, timeoutMs);
}

EvalResult JavaScriptEngine::runFunctionBody(const QString &code, const Scope &scope, const QString &origin,
                                             int timeoutMs)
{
    installScope(scope, code);
    m_lastScript = code;
    return call(code, FunctionKind::Body, origin, timeoutMs);
}

void JavaScriptEngine::interrupt()
{
    m_stopRequested = true;
    m_engine->setInterrupted(true); // QJSEngine's interrupt may be set from any thread
}

void JavaScriptEngine::clearInterrupt()
{
    m_stopRequested = false;
    m_engine->setInterrupted(false);
}

QJSValue JavaScriptEngine::compiled(const QString &code, FunctionKind kind, const QString &origin)
{
    // Compiling is most of the cost of a small expression; the same fields run on every query.
    QHash<QString, QJSValue> &cache =
        kind == FunctionKind::Expression ? m_compiledExpressions : m_compiledBodies;
    QJSValue function = cache.value(code);
    if (!function.isCallable()) {
        // An expression is parenthesised so an object literal is an expression; both stay on the first
        // line so error lines match the source.
        // Neither is strict code: V4 runs a strict function's calls in tail position as tail calls, which
        // it never checks for an interrupt, so `function f(n) { return f(n + 1); }` ran for 40 s and more
        // past the timeout and Cancel, on the window's thread (QA pass 40); not strict, it runs out of
        // stack at once. What strict code refused, assigning a name nothing declares, makes a global
        // that lasts until the run ends (dropStrayGlobals).
        // What it throws is caught and handed back in m_thrown: QJSValue::call() returns a thrown value
        // as if it were returned, and only an Error could be told apart from a result (`throw 'boom'`
        // counted as the step's value, QA pass 31). The watchdog's interrupt is not caught by this.
        const QString source = kind == FunctionKind::Expression
            ? QStringLiteral("(function (__authstudioThrown) { return function () { try { return (") + code +
                QStringLiteral(
                    "\n); } catch (e) { __authstudioThrown.value = e; return __authstudioThrown; } }; })")
            : QStringLiteral("(function (__authstudioThrown) { return function () { try { ") + code +
                QStringLiteral(
                    "\n} catch (e) { __authstudioThrown.value = e; return __authstudioThrown; } }; })");
        function = m_engine->evaluate(source, origin, 1);
        if (function.isError())
            return function;
        function = function.call({m_thrown});
        if (cache.size() > 2048)
            cache.clear();
        cache.insert(code, function);
    }
    return function;
}

std::optional<QString> JavaScriptEngine::syntaxError(const QString &code, const QString &origin)
{
    const QJSValue function = compiled(code, FunctionKind::Body, origin);
    if (function.isError())
        return compileErrorText(function, code, origin);
    return std::nullopt;
}

EvalResult JavaScriptEngine::call(const QString &code, FunctionKind kind, const QString &origin,
                                  int timeoutMs)
{
    const QJSValue function = compiled(code, kind, origin);
    if (function.isError())
        return EvalResult::failure(compileErrorText(function, code, origin));
    QElapsedTimer clock;
    clock.start();
    m_console->clear();
    // A script stopped inside join() (the watchdog, a cancel) never left it: its arrays would be skipped.
    if (std::exchange(m_interruptedLastTime, false)) {
        m_joining.setProperty(QStringLiteral("length"), 0);
        restoreBuiltins(); // not checked after it: the engine was still interrupted
    }
    m_watchdog->arm(timeoutMs);
    QJSValue result = function.call();
    const ScriptWatchdog::Stop stopped = m_watchdog->disarm();
    const bool timedOut = stopped != ScriptWatchdog::Stop::None;
    const bool threw = result.strictlyEquals(m_thrown);
    if (threw) {
        result = m_thrown.property(QStringLiteral("value"));
        m_thrown.deleteProperty(QStringLiteral("value"));
    }
    restoreOwnGlobals();
    // Only code whose text can make a global is checked (see changesIn): listing the globals took a
    // quarter of a small JavaScript step (10 of 42 µs in the benchmark's workflow). What the engine's
    // wrapper hides, code that closes it early, makes its globals with var or function, which can't be
    // deleted anyway.
    if (m_mayLeaveGlobals)
        dropStrayGlobals();
    // Expressions aren't checked: the check would cut their rate by more than half, and one that changes
    // a built-in is far-fetched. A script step whose code could change one pays it.
    if (kind == FunctionKind::Body && m_mayChangeBuiltins && !m_engine->isInterrupted())
        restoreBuiltins();
    m_interruptedLastTime = timedOut || m_stopRequested || m_engine->isInterrupted();
    // What the script logged goes with whatever it came to, failures included: the lines before a throw
    // or a timeout are what tells why.
    const auto withConsole = [this](EvalResult evaluated) {
        evaluated.console = m_console->take() + evaluated.console;
        return evaluated;
    };
    if (m_stopRequested && !timedOut)
        return withConsole(EvalResult::failure(
            QStringLiteral("%1: the script was stopped (the run was cancelled)").arg(origin)));
    // A failure a caller can retry with more time (see EvalResult::timedOut).
    const auto overTime = [&origin, timeoutMs, &withConsole](const char *why) {
        EvalResult over = EvalResult::failure(QString::fromLatin1(why).arg(origin).arg(timeoutMs / 1000.0));
        over.timedOut = true;
        return withConsole(over);
    };
    if (stopped == ScriptWatchdog::Stop::Memory) {
        m_engine->setInterrupted(false);
        return withConsole(EvalResult::failure(overMemory(origin)));
    }
    if (timedOut || m_engine->isInterrupted()) {
        m_engine->setInterrupted(false);
        return overTime("%1: the script was stopped after running for %2 s (the script timeout); look for "
                        "an endless loop");
    }
    // Reading what the script returned or threw can run its code too, a getter or a proxy's trap: that
    // runs under the watchdog as well (QA pass 31: `return { get x() { for (;;) {} } }` froze the studio
    // for good, the watchdog being off by then). A string, number or the like runs no code: the usual
    // {{ }} expression's result skips arming it again.
    const bool runsCode = result.isObject();
    if (runsCode)
        m_watchdog->arm(timeoutMs);
    EvalResult read;
    // Under a short budget (a step's quick first try on the window's thread), a result too large to
    // convert in what is left of it counts as running over: the step is then run again where time doesn't
    // matter. Converting 40 000 items there took 75 ms after the script itself had taken 40. A thrown value
    // too (QA pass 34: one stopped while it was converted crashed the process).
    bool tooLarge = false;
    if (timeoutMs < SizeCheckedBelowMs && !result.isError()) {
        qint64 budget = std::max<qint64>(timeoutMs - clock.elapsed(), 0) * ConvertedValuesPerMs;
        tooLarge = !fitsIn(result, budget);
    }
    if (tooLarge) {
        // read below, where time doesn't matter
    } else if (result.isError()) {
        read = EvalResult::failure(formatError(result, origin));
    } else if (threw) {
        read = EvalResult::failure(QStringLiteral("%1: the %2 threw %3")
                                       .arg(origin,
                                            kind == FunctionKind::Expression ? QStringLiteral("expression")
                                                                             : QStringLiteral("script"),
                                            thrownText(result)));
    } else {
        read = {toJson(result), {}};
        if (m_jsonSafeCut.call().toBool()) {
            // Said, not silent (QA pass 40: a 100 000-deep value came back cut, with nothing to tell).
            const QString note =
                QStringLiteral("the value returned is nested deeper than %1 levels, or holds "
                               "more than a million values; it was cut there")
                    .arg(MaxResultDepth);
            ConsoleLine line;
            line.level = ConsoleLine::Level::Warn;
            line.text = note;
            line.parts = QStringList {note};
            read.console.append(line);
        }
    }
    const ScriptWatchdog::Stop readStopped = runsCode ? m_watchdog->disarm() : ScriptWatchdog::Stop::None;
    if (readStopped != ScriptWatchdog::Stop::None || m_engine->isInterrupted()) {
        m_engine->setInterrupted(false);
        if (m_engine->hasError())
            m_engine->catchError(); // what the interrupted read left pending, which the next call would get
        m_interruptedLastTime = true;
        if (readStopped == ScriptWatchdog::Stop::Memory)
            return withConsole(EvalResult::failure(overMemory(origin)));
        return overTime("%1: reading the script's result took longer than the script timeout (%2 s); look "
                        "for a getter or proxy in it that loops");
    }
    if (tooLarge)
        return overTime("%1: the script's result is too large to read within the script timeout (%2 s)");
    return withConsole(read);
}

QString JavaScriptEngine::overMemory(const QString &origin)
{
    // What the script built is garbage now: give it back at once, not at the next collection, which may be
    // long in coming. Strings live on the C heap, which glibc keeps unless asked to give it back.
    m_engine->collectGarbage();
#ifdef __GLIBC__
    malloc_trim(0);
#endif
    return QStringLiteral("%1: the script was stopped when it had taken more than %2 MB of memory (the "
                          "limit for a script); look for a loop that keeps adding to an array or a string")
        .arg(origin)
        .arg(m_watchdog->memoryLimitBytes() / (1024 * 1024));
}

QString JavaScriptEngine::thrownText(const QJSValue &value)
{
    if (value.isUndefined())
        return QStringLiteral("undefined");
    // As JSON, so a string shows as one ("boom") and an object as what it holds; cut, as it goes into one
    // line of an error.
    const QByteArray json = QJsonDocument(QJsonArray {toJson(value)}).toJson(QJsonDocument::Compact);
    QString text = QString::fromUtf8(json.mid(1, json.size() - 2));
    constexpr qsizetype Longest = 500;
    if (text.size() > Longest)
        text = text.left(Longest) + QStringLiteral("…");
    return text;
}

QJsonValue JavaScriptEngine::toJson(const QJSValue &value)
{
    if (value.isUndefined() || value.isCallable())
        return QJsonValue(QJsonValue::Null);
    if (value.isString() || value.isNumber() || value.isBool() || value.isNull())
        return m_engine->fromScriptValue<QJsonValue>(value);
    // An object, or a symbol: see the prelude's jsonSafe().
    const QJSValue safe = m_jsonSafe.call({value});
    if (safe.isCallable() || safe.isUndefined())
        return QJsonValue(QJsonValue::Null);
    return m_engine->fromScriptValue<QJsonValue>(safe);
}

QString JavaScriptEngine::compileErrorText(const QJSValue &error, const QString &code,
                                           const QString &origin) const
{
    // Code that leaves a bracket, brace, string or comment open, or closes one too many, is reported by
    // the engine about its own wrapper around the code: past the code's last line, about the wrapper's
    // "catch" (QA pass 41), or as a bare "Syntax error" (QA pass 42). Said in the code's terms instead, at
    // the line that opened or closed it.
    const int lines = int(code.count(u'\n')) + 1;
    if (error.property(QStringLiteral("name")).toString() != QLatin1String("SyntaxError"))
        return formatError(error, origin);
    const auto said = [&origin](const QString &what, int line) {
        return QStringLiteral("%1: SyntaxError: %2 (line %3)").arg(origin, what).arg(line);
    };
    // A rough scan, for the message only: strings, template literals and comments are skipped.
    QList<std::pair<QChar, int>> open; // brackets not closed yet, with their lines
    int line = 1;
    enum class In { Code, LineComment, BlockComment, String };
    In in = In::Code;
    QChar quote;
    int startedAt = 1; // where the string or comment being read began
    for (qsizetype i = 0; i < code.size(); ++i) {
        const QChar c = code.at(i);
        const QChar next = i + 1 < code.size() ? code.at(i + 1) : QChar();
        if (c == u'\n')
            ++line;
        switch (in) {
        case In::LineComment:
            if (c == u'\n')
                in = In::Code;
            continue;
        case In::BlockComment:
            if (c == u'*' && next == u'/') {
                in = In::Code;
                ++i;
            }
            continue;
        case In::String:
            if (c == u'\\') {
                ++i;
            } else if (c == u'\n' && quote != u'`') {
                return said(
                    QStringLiteral("the string opened here with %1 isn't closed on its line").arg(quote),
                    startedAt);
            } else if (c == quote) {
                in = In::Code;
            }
            continue;
        case In::Code:
            break;
        }
        if (c == u'/' && (next == u'/' || next == u'*')) {
            in = next == u'/' ? In::LineComment : In::BlockComment;
            startedAt = line;
            ++i;
        } else if (c == u'"' || c == u'\'' || c == u'`') {
            in = In::String;
            quote = c;
            startedAt = line;
        } else if (c == u'{' || c == u'[' || c == u'(') {
            open.append({c, line});
        } else if (c == u'}' || c == u']' || c == u')') {
            if (open.isEmpty())
                return said(QStringLiteral("this %1 closes nothing opened before it").arg(c), line);
            open.removeLast();
        }
    }
    if (in == In::BlockComment)
        return said(QStringLiteral("the comment opened here with /* is never closed"), startedAt);
    if (in == In::String && quote == u'`')
        return said(QStringLiteral("the template literal opened here is never closed"), startedAt);
    if (in == In::String)
        return said(QStringLiteral("the string opened here with %1 is never closed").arg(quote), startedAt);
    // An open bracket the engine may name better itself ("Expected token `,'"), unless it went on into
    // the wrapper to say so.
    if (error.property(QStringLiteral("lineNumber")).toInt() <= lines)
        return formatError(error, origin);
    if (!open.isEmpty())
        return said(QStringLiteral("the %1 opened here is never closed").arg(open.constLast().first),
                    open.constLast().second);
    return said(QStringLiteral("the code ends in the middle of a statement"), lines);
}

QString JavaScriptEngine::formatError(const QJSValue &error, const QString &origin) const
{
    const QString name = error.property(QStringLiteral("name")).toString();
    const QString message = error.property(QStringLiteral("message")).toString();
    int line = error.property(QStringLiteral("lineNumber")).toInt();
    // Thrown by the engine's own JavaScript (console's proxy, btoa) or its C++ (the auth library,
    // which gives no line): the line is the script's that called it, the first frame of the stack
    // ("name@file:line") not in the prelude. The prelude's own lines mean nothing to the user.
    if (line <= 0 || error.property(QStringLiteral("fileName")).toString() == m_preludeFile) {
        line = 0;
        const QStringList frames =
            error.property(QStringLiteral("stack")).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString &frame : frames) {
            const qsizetype at = frame.indexOf(QLatin1Char('@'));
            const qsizetype colon = frame.lastIndexOf(QLatin1Char(':'));
            if (at >= 0 && colon > at && frame.mid(at + 1, colon - at - 1) != m_preludeFile) {
                line = frame.mid(colon + 1).toInt();
                if (line > 0)
                    break;
            }
        }
    }
    QString text = QStringLiteral("%1: %2: %3").arg(origin, name, message);
    if (line > 0)
        text += QStringLiteral(" (line %1)").arg(line);
    return text;
}

} // namespace AuthStudio
