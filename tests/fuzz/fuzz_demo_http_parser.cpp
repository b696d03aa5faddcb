// Fuzzes DemoHttpParser, which reads whatever a client sends the demo server. The first byte says how the
// rest arrives (in reads of that many bytes; 0: all at once), and the requests parsed must be the same as
// when everything arrives in one read: how TCP splits a stream can't change what it means.
#include "FuzzCheck.h"
#include "demo/DemoHttpParser.h"

#include <QList>

using namespace AuthStudio;

namespace {

struct Outcome
{
    QList<DemoHttpParser::Request> requests;
    bool failed = false;
};

bool sameRequest(const DemoHttpParser::Request &a, const DemoHttpParser::Request &b)
{
    if (a.method != b.method || a.target != b.target || a.pathAndQuery != b.pathAndQuery ||
        a.path != b.path || a.query != b.query || a.minorVersion != b.minorVersion || a.body != b.body ||
        a.keepAlive != b.keepAlive || a.headers.size() != b.headers.size())
        return false;
    for (qsizetype i = 0; i < a.headers.size(); ++i) {
        if (a.headers.at(i).name != b.headers.at(i).name || a.headers.at(i).value != b.headers.at(i).value)
            return false;
    }
    return true;
}

// As DemoServer::Private::processBuffer drives it.
Outcome run(QByteArrayView input, qsizetype step)
{
    Outcome outcome;
    DemoHttpParser parser;
    qsizetype offset = 0;
    do {
        const qsizetype take = qMin(step, input.size() - offset);
        parser.append(input.sliced(offset, take));
        offset += take;
        for (bool more = true; more;) {
            switch (parser.parse()) {
            case DemoHttpParser::Result::NeedMoreData:
                parser.takeContinueRequest();
                more = false;
                break;
            case DemoHttpParser::Result::Failed: {
                const DemoHttpParser::Error error = parser.error();
                FUZZ_CHECK(error.status >= 400 && error.status < 600);
                FUZZ_CHECK(!error.message.isEmpty());
                outcome.failed = true;
                return outcome;
            }
            case DemoHttpParser::Result::RequestReady: {
                const DemoHttpParser::Request request = parser.takeRequest();
                FUZZ_CHECK(!request.method.isEmpty());
                FUZZ_CHECK(request.path.startsWith('/') || request.path == "*");
                FUZZ_CHECK(request.body.size() <= DemoHttpParser::MaxBodySize);
                FUZZ_CHECK(request.headers.size() <= DemoHttpParser::MaxHeaderCount);
                request.header("content-type");
                outcome.requests.append(request);
                break;
            }
            }
        }
    } while (offset < input.size());
    return outcome;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArrayView input(reinterpret_cast<const char *>(data + 1), static_cast<qsizetype>(size - 1));
    const qsizetype step = data[0] == 0 ? qMax<qsizetype>(1, input.size()) : data[0];
    const Outcome whole = run(input, qMax<qsizetype>(1, input.size()));
    const Outcome split = run(input, step);
    FUZZ_CHECK(whole.failed == split.failed);
    FUZZ_CHECK(whole.requests.size() == split.requests.size());
    for (qsizetype i = 0; i < whole.requests.size(); ++i)
        FUZZ_CHECK(sameRequest(whole.requests.at(i), split.requests.at(i)));
    return 0;
}
