// authstudio-gui-bench: the studio's GUI figures, each next to a baseline measured in the same run.
//   - start-up: process start to the main window's first complete frame, as a ratio to a bare Qt
//     Widgets program showing an empty QMainWindow started the same way (median of interleaved runs);
//   - the longest event-loop stall while opening a workspace of 500 resources with 8 steps each;
//   - the longest stall while showing a 5 MB JSON response in the scope inspector, opening its array,
//     filtering and copying it, and showing the next snapshot with the array open;
//   - the longest stall in Test runs whose script reads the items of a 6 MB reply;
//   - the time a keystroke takes at the end of a request step's 1.5 MB JSON body.
// Stalls are measured as the longest gap between the ticks of a 1 ms timer while the work happens.
//
// Options: --runs N (interleaved start-up runs per program, 11 by default); --compare PROGRAM also times
// another build of the studio in the same rotation (say one built from an earlier commit), to measure what
// a change did to start-up; --startup-only skips the stall figures.
#include "demo/DemoServer.h"
#include "document/DemoWorkspace.h"
#include "document/WorkspaceDocument.h"
#include "editor/ApiRequestStepEditor.h"
#include "editor/WorkflowEditor.h"
#include "format/WorkspaceWriter.h"
#include "run/ScopeInspector.h"
#include "run/ScopeModel.h"
#include "run/StepResult.h"
#include "run/WorkflowRunPanel.h"
#include "window/MainWindow.h"

#include <QApplication>
#include <QClipboard>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QKeyEvent>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QProcess>
#include <QScopeGuard>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <QTreeView>

#include <algorithm>
#include <chrono>
#include <cstdio>

#ifdef Q_OS_UNIX
#include <sys/mman.h>
#endif

#include "BenchReport.h"

using namespace AuthStudio;

namespace {

using BenchReport::median;
using BenchReport::print;

// One start of a program: milliseconds from launching it to its "painted" line, and when each phase of its
// start ended as it reports them on that line ("main=21.3 app=25.7 …", milliseconds since launch).
struct Launch
{
    double painted = -1;
    QHash<QString, double> phases;
};

Launch launch(const QString &program, const QStringList &arguments, QProcessEnvironment environment)
{
    QProcess process;
    QElapsedTimer clock;
    const auto now = std::chrono::steady_clock::now().time_since_epoch();
    environment.insert(QStringLiteral("AUTHSTUDIO_BENCH_T0"),
                       QString::number(std::chrono::nanoseconds(now).count()));
    process.setProcessEnvironment(environment);
    clock.start();
    process.start(program, arguments);
    Launch result;
    QByteArray output;
    while (process.waitForReadyRead(30000)) { // a benchmark, not a test: blocking waits are fine here
        output += process.readAll();
        const qsizetype painted = output.indexOf("painted");
        if (painted >= 0 && result.painted < 0)
            result.painted = double(clock.nsecsElapsed()) / 1e6;
        if (painted >= 0 && output.indexOf('\n', painted) >= 0) {
            const QByteArray line = output.mid(painted, output.indexOf('\n', painted) - painted);
            for (const QByteArray &field : line.split(' ')) {
                const qsizetype equals = field.indexOf('=');
                if (equals > 0)
                    result.phases.insert(QString::fromLatin1(field.left(equals)),
                                         field.mid(equals + 1).toDouble());
            }
            break;
        }
    }
    process.waitForFinished(30000);
    if (process.state() != QProcess::NotRunning)
        process.kill();
    return result;
}

QList<double> paintedTimes(const QList<Launch> &launches)
{
    QList<double> times;
    for (const Launch &one : launches)
        times.append(one.painted);
    return times;
}

// The median of each phase's end, in the order a start goes through them; "-" for a phase the program
// doesn't have.
QString phaseMedians(const QList<Launch> &launches)
{
    QStringList cells;
    for (const char *phase : {"main", "app", "window", "opened", "frame"}) {
        QList<double> ends;
        for (const Launch &one : launches) {
            if (one.phases.contains(QLatin1String(phase)))
                ends.append(one.phases.value(QLatin1String(phase)));
        }
        cells.append(ends.isEmpty() ? QStringLiteral("-") : QString::number(median(ends), 'f', 1));
    }
    return cells.join(QStringLiteral("  "));
}

// The median of a number each launch reported on its "painted" line ("faults=2014"); -1 when none did.
double reportedMedian(const QList<Launch> &launches, const QString &field)
{
    QList<double> values;
    for (const Launch &one : launches) {
        if (one.phases.value(field, -1) >= 0)
            values.append(one.phases.value(field));
    }
    return values.isEmpty() ? -1 : median(values);
}

// What the first touch of a page of fresh memory costs on this machine, in microseconds (the median of
// five rounds of 1024 pages); -1 where it can't be measured. A page fault costs well under a microsecond
// or two on real hardware and over ten on some virtual machines, where it weighs on every start-up.
double pageFaultCostUs()
{
#ifdef Q_OS_UNIX
    constexpr size_t pages = 1024;
    const size_t pageSize = size_t(sysconf(_SC_PAGESIZE));
    QList<double> costs;
    for (int round = 0; round < 5; ++round) {
        void *memory =
            mmap(nullptr, pages * pageSize, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (memory == MAP_FAILED)
            return -1;
        auto *bytes = static_cast<volatile char *>(memory);
        QElapsedTimer clock;
        clock.start();
        for (size_t page = 0; page < pages; ++page)
            bytes[page * pageSize] = 1;
        costs.append(double(clock.nsecsElapsed()) / 1e3 / pages);
        munmap(memory, pages * pageSize);
    }
    return median(costs);
#else
    return -1;
#endif
}

// Runs `work` from the event loop and returns the longest gap between 1 ms timer ticks meanwhile, until
// `work` calls the function it is given (or 60 s have passed).
double longestStallMs(const std::function<void(const std::function<void()> &done)> &work)
{
    QElapsedTimer clock;
    qint64 last = 0;
    qint64 longest = 0;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, &ticker, [&] {
        const qint64 now = clock.nsecsElapsed();
        longest = std::max(longest, now - last);
        last = now;
    });
    clock.start();
    ticker.start();
    const auto done = [] { QCoreApplication::exit(0); };
    QTimer::singleShot(20, &ticker, [&work, done] { work(done); });
    QTimer::singleShot(60000, &ticker, done);
    QCoreApplication::exec();
    return double(longest) / 1e6;
}

// Runs `work` from the event loop and returns the longest gap between 1 ms timer ticks meanwhile; stops
// 1.5 s after it started, once painting and lazy work have settled.
double longestStallMs(const std::function<void()> &work)
{
    return longestStallMs([&work](const std::function<void()> &done) {
        work();
        QTimer::singleShot(1480, done);
    });
}

Workspace bigWorkspace(int resources, int steps)
{
    Workspace workspace;
    workspace.name = QStringLiteral("Big");
    workspace.variables = {{QStringLiteral("DEMO_API"), QStringLiteral("http://127.0.0.1:8787")}};
    for (int r = 0; r < resources; ++r) {
        Resource resource;
        resource.name = QStringLiteral("Resource %1").arg(r + 1);
        resource.baseUrl = QStringLiteral("{{ DEMO_API }}");
        resource.headers = {{QStringLiteral("Authorization"), QStringLiteral("Bearer {{ TOKEN }}")}};
        resource.authMethod = Resource::AuthMethod::Custom;
        Workflow &workflow = resource.customAuth.authWorkflow;
        workflow.steps.append(FormStep::withDefaultFields(QStringLiteral("form1")));
        for (int s = 1; s < steps - 1; ++s) {
            ApiRequestStep request;
            request.name = QStringLiteral("http%1").arg(s);
            request.url = QStringLiteral("{{ DEMO_API }}/post");
            request.body.kind = RequestBody::Kind::Json;
            request.body.text = QStringLiteral(R"({"email": "{{ form1.email }}", "n": %1})").arg(s);
            workflow.steps.append(request);
        }
        DefineVariableStep token;
        token.name = QStringLiteral("TOKEN");
        token.value = QStringLiteral("{{ http1.body.json.email }}");
        workflow.steps.append(token);
        workspace.resources.append(resource);
    }
    return workspace;
}

QJsonObject bigBody(qsizetype bytes)
{
    QJsonArray items;
    qsizetype size = 0;
    for (int i = 0; size < bytes; ++i) {
        const QJsonObject item {
            {QStringLiteral("id"), i},
            {QStringLiteral("name"), QStringLiteral("item %1").arg(i)},
            {QStringLiteral("tags"), QJsonArray {QStringLiteral("a"), QStringLiteral("b")}},
            {QStringLiteral("description"), QString(40, QLatin1Char('x'))}};
        items.append(item);
        size += 110;
    }
    return {{QStringLiteral("items"), items}};
}

} // namespace

int main(int argc, char *argv[])
{
    // Every studio here, the programs started below and the window opened in this process, starts as on a
    // first run (no recovery file, no recent files) and leaves the user's own settings and recovery files
    // alone: before, opening the big workspace below added its temporary file to the user's recent files.
    const QTemporaryDir userDirs;
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(userDirs.filePath(QStringLiteral("config"))));
    qputenv("XDG_DATA_HOME", QFile::encodeName(userDirs.filePath(QStringLiteral("data"))));
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption runsOption(QStringLiteral("runs"),
                                        QStringLiteral("Interleaved start-up runs per program."),
                                        QStringLiteral("N"), QStringLiteral("11"));
    const QCommandLineOption compareOption(
        QStringLiteral("compare"), QStringLiteral("Also time this other build of the studio, side by side."),
        QStringLiteral("PROGRAM"));
    const QCommandLineOption startupOnlyOption(QStringLiteral("startup-only"),
                                               QStringLiteral("Only the start-up figures."));
    parser.addOptions({runsOption, compareOption, startupOnlyOption});
    parser.process(app);
    const int runs = qMax(1, parser.value(runsOption).toInt());
    const QString otherStudio = parser.value(compareOption);

    print(QStringLiteral("Auth Studio GUI benchmark (Qt %1, platform %2)")
              .arg(QString::fromLatin1(qVersion()), QGuiApplication::platformName()));
    print(QString());

    // Start-up, both programs with the same platform and environment.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("AUTHSTUDIO_EXIT_AFTER_FIRST_PAINT"), QStringLiteral("1"));
    const QString dir = QCoreApplication::applicationDirPath();
    QList<Launch> studio;
    QList<Launch> bare;
    QList<Launch> bareWithLabel;
    QList<Launch> other;
    const QString bareProgram = dir + QStringLiteral("/authstudio-bare-window");
    const int programs = otherStudio.isEmpty() ? 3 : 4;
    for (int i = 0; i < runs; ++i) {
        // Rotate which goes first, so none always starts on the warmest caches.
        for (int slot = 0; slot < programs; ++slot) {
            switch ((slot + i) % programs) {
            case 0:
                studio.append(launch(QStringLiteral(AUTHSTUDIO_GUI_PATH), {}, environment));
                break;
            case 1:
                bare.append(launch(bareProgram, {}, environment));
                break;
            case 2:
                bareWithLabel.append(launch(bareProgram, {QStringLiteral("--label")}, environment));
                break;
            default:
                other.append(launch(otherStudio, {}, environment));
            }
        }
    }
    const double bareMs = median(paintedTimes(bare));
    const double studioMs = median(paintedTimes(studio));
    const double labelMs = median(paintedTimes(bareWithLabel));
    print(QStringLiteral(
              "Start-up to the main window's first complete frame (median of %1 interleaved runs each)")
              .arg(runs));
    print(QStringLiteral("  bare QMainWindow   %1 ms").arg(bareMs, 0, 'f', 1));
    print(QStringLiteral("  Auth Studio        %1 ms   ratio %2x   (target <= 2x; includes opening the demo "
                         "workspace and starting the demo API)")
              .arg(studioMs, 0, 'f', 1)
              .arg(studioMs / bareMs, 0, 'f', 2));
    print(QStringLiteral("  for reference: a bare QMainWindow with one QLabel %1 ms (it loads fonts, which "
                         "the empty one never does); Auth Studio / it = %2x")
              .arg(labelMs, 0, 'f', 1)
              .arg(studioMs / labelMs, 0, 'f', 2));
    if (!otherStudio.isEmpty()) {
        print(QStringLiteral("  compared with %1: %2 ms, ratio %3x; this build minus it: %4 ms")
                  .arg(otherStudio)
                  .arg(median(paintedTimes(other)), 0, 'f', 1)
                  .arg(median(paintedTimes(other)) / bareMs, 0, 'f', 2)
                  .arg(studioMs - median(paintedTimes(other)), 0, 'f', 1));
    }
    // Where the time goes: each program reports when its phases ended, in milliseconds since launch.
    print(
        QStringLiteral("  where the time goes, ms after launch (medians): main() starts, QApplication ready, "
                       "window built, shown (and opened), first frame painted"));
    print(QStringLiteral("    bare QMainWindow   %1").arg(phaseMedians(bare)));
    print(QStringLiteral("    Auth Studio        %1").arg(phaseMedians(studio)));
    if (!otherStudio.isEmpty())
        print(QStringLiteral("    compared build     %1").arg(phaseMedians(other)));
    // Memory touched for the first time: both pay for the window's backing store (4 MB at 1280x800 with the
    // offscreen platform), the studio for its libraries, heap and fonts too. Where a fault is slow, as on
    // some virtual machines, this is a large and varying part of both times.
    const double bareFaults = reportedMedian(bare, QStringLiteral("faults"));
    const double studioFaults = reportedMedian(studio, QStringLiteral("faults"));
    const double faultUs = pageFaultCostUs();
    if (bareFaults >= 0 && studioFaults >= 0 && faultUs >= 0) {
        print(
            QStringLiteral("  page faults to the first frame (medians): bare QMainWindow %1, Auth Studio %2; "
                           "a first touch of a page costs %3 us on this machine: roughly %4 vs %5 ms")
                .arg(bareFaults, 0, 'f', 0)
                .arg(studioFaults, 0, 'f', 0)
                .arg(faultUs, 0, 'f', 1)
                .arg(bareFaults * faultUs / 1e3, 0, 'f', 1)
                .arg(studioFaults * faultUs / 1e3, 0, 'f', 1));
    }
    print(QString());
    if (parser.isSet(startupOnlyOption))
        return 0;

    // Opening a big workspace in the real window.
    QTemporaryDir files;
    const QString bigFile = files.filePath(QStringLiteral("big.authstudio.json"));
    WorkspaceWriter writer;
    if (!writer.writeFile(bigWorkspace(500, 8), bigFile)) {
        print(writer.error().toString());
        return 1;
    }
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    // Reading happens on a worker thread; the window applies the result within the measured second.
    const double openStall = longestStallMs([&window, &bigFile] { window.openFile(bigFile); });
    print(QStringLiteral("Opening a workspace of 500 resources x 8 steps (%1 KiB)")
              .arg(QFileInfo(bigFile).size() / 1024));
    print(
        QStringLiteral("  longest event-loop stall   %1 ms   (target: none over 100 ms); resources shown: %2")
            .arg(openStall, 0, 'f', 1)
            .arg(window.document()->resourceCount()));

    // A 5 MB JSON body in the scope inspector.
    Scope scope;
    scope.set(
        QStringLiteral("http1"),
        QJsonObject {{QStringLiteral("status"), 200}, {QStringLiteral("body"), bigBody(5 * 1024 * 1024)}});
    ScopeInspector inspector;
    inspector.resize(800, 600);
    inspector.show();
    const double scopeStall = longestStallMs([&inspector, &scope] { inspector.setScope(scope); });
    print(QStringLiteral("Showing a 5 MB JSON response in the scope inspector"));
    print(QStringLiteral("  longest event-loop stall   %1 ms   (target: none over 100 ms)")
              .arg(scopeStall, 0, 'f', 1));

    // What people do next with that response in the inspector: open its array, filter it (searched on the
    // thread pool), copy the array (written out there), and get the next snapshot with the array open, as
    // each step of a Test run shows one.
    {
        const QStringList itemsPath {QStringLiteral("http1"), QStringLiteral("body"),
                                     QStringLiteral("items")};
        const auto showRow = [&inspector](const QStringList &path) {
            return inspector.proxyModel()->mapFromSource(inspector.model()->indexForPath(path));
        };
        const int itemCount = inspector.model()->rowCount(inspector.model()->indexForPath(itemsPath));
        const double expandStall = longestStallMs([&] {
            for (qsizetype depth = 1; depth <= itemsPath.size(); ++depth)
                inspector.view()->expand(showRow(itemsPath.first(depth)));
        });
        const QString needle = QStringLiteral("item %1").arg(itemCount / 10 - 1);
        const double filterStall = longestStallMs([&](const std::function<void()> &done) {
            QObject::connect(
                &inspector, &ScopeInspector::filterApplied, &inspector,
                [done] { QTimer::singleShot(300, done); }, Qt::SingleShotConnection);
            inspector.setFilterText(needle);
        });
        const int shown = inspector.proxyModel()->rowCount(showRow(itemsPath));
        const double clearStall = longestStallMs([&] { inspector.setFilterText(QString()); });
        inspector.setCurrentIndex(inspector.model()->indexForPath(itemsPath));
        qsizetype copied = 0;
        const double copyStall = longestStallMs([&](const std::function<void()> &done) {
            QObject::connect(
                &inspector, &ScopeInspector::valueCopied, &inspector,
                [done, &copied] {
                    copied = QGuiApplication::clipboard()->text().size();
                    QTimer::singleShot(300, done);
                },
                Qt::SingleShotConnection);
            inspector.copyValue();
        });
        Scope next = scope;
        next.set(QStringLiteral("js1"), itemCount);
        const double snapshotStall = longestStallMs([&] { inspector.setScope(next); });
        const bool reopened = inspector.view()->isExpanded(showRow(itemsPath));
        print(QStringLiteral("  opening its %1-item array        longest stall %2 ms")
                  .arg(itemCount)
                  .arg(expandStall, 0, 'f', 1));
        print(QStringLiteral(
                  "  filtering for '%1'         longest stall %2 ms   (%3 rows shown under the array); "
                  "clearing it %4 ms")
                  .arg(needle)
                  .arg(filterStall, 0, 'f', 1)
                  .arg(shown)
                  .arg(clearStall, 0, 'f', 1));
        print(QStringLiteral("  copying the array's value       longest stall %1 ms   (%2 characters copied)")
                  .arg(copyStall, 0, 'f', 1)
                  .arg(copied));
        print(QStringLiteral("  the next snapshot, array open   longest stall %1 ms   (open again: %2)   "
                             "(target for each: none over 100 ms)")
                  .arg(snapshotStall, 0, 'f', 1)
                  .arg(reopened ? QStringLiteral("yes") : QStringLiteral("no")));
    }

    // Typing at the end of a request step's 1.5 MB JSON body: one item a line, and all on one line (QA pass
    // 39 found about 0.9 s a keystroke in the studio). Each key's time to handle, layout and the document's
    // edit included; the body's check waits for a pause, so it isn't in these.
    {
        // formatFirst: the one line set out with Format JSON first, its own time said too.
        const auto typingMs = [](bool oneLine, bool formatFirst = false) {
            WorkspaceDocument document;
            document.loadData(DemoWorkspace::data(), QStringLiteral("demo"));
            QString text = QStringLiteral("{\"items\": [");
            for (int i = 0; i < 20000; ++i) {
                text +=
                    QStringLiteral(R"({"id": %1, "name": "item number %1", "tags": ["a", "b"], "ok": true},)")
                        .arg(i);
                if (!oneLine)
                    text += QLatin1Char('\n');
            }
            text += QStringLiteral("{}]}");
            const StepRef http1 {0, WorkflowKind::Auth, 1};
            ApiRequestStep step = std::get<ApiRequestStep>(document.step(http1));
            step.body.text = text;
            document.setStep(http1, step, QStringLiteral("Big body"));
            WorkflowEditor editor(&document, WorkflowKind::Auth);
            editor.setResource(0);
            editor.setCurrentStep(1);
            editor.resize(1000, 600);
            editor.show();
            QApplication::processEvents();
            auto *stepEditor = qobject_cast<ApiRequestStepEditor *>(editor.currentStepEditor());
            auto *body = stepEditor->jsonBodyEdit();
            QString formatting;
            if (formatFirst) {
                QElapsedTimer formatClock;
                formatClock.start();
                stepEditor->formatJsonBody();
                QApplication::processEvents();
                formatting = QStringLiteral(", Format JSON itself %1 ms (%2 lines)")
                                 .arg(double(formatClock.nsecsElapsed()) / 1e6, 0, 'f', 1)
                                 .arg(body->document()->blockCount());
            }
            body->setFocus();
            body->moveCursor(QTextCursor::End);
            QList<double> times;
            for (int key = 0; key < 10; ++key) {
                QElapsedTimer clock;
                clock.start();
                QKeyEvent press(QEvent::KeyPress, Qt::Key_Space, Qt::NoModifier, QStringLiteral(" "));
                QApplication::sendEvent(body, &press);
                QApplication::processEvents();
                times.append(double(clock.nsecsElapsed()) / 1e6);
            }
            std::sort(times.begin(), times.end());
            return QStringLiteral("median %1 ms, longest %2 ms%3")
                .arg(times.at(times.size() / 2), 0, 'f', 1)
                .arg(times.last(), 0, 'f', 1)
                .arg(formatting);
        };
        print(QStringLiteral("Typing at the end of a request step's 1.5 MB JSON body, 10 keys"));
        print(QStringLiteral("  one item a line            %1   (target: none over 100 ms)")
                  .arg(typingMs(false)));
        print(QStringLiteral("  all on one line            %1   (Qt lays out the whole line at each key)")
                  .arg(typingMs(true)));
        print(QStringLiteral("  one line, Format JSON'd    %1").arg(typingMs(true, true)));
    }

    // Test runs in the Test panel that build 3 MB in a script, post it to the demo API and get it back:
    // the run, its log and the scope inspector all on the window's thread, run after run (values of the
    // last run are freed as the next one starts).
    // On a thread of its own, as the studio runs it.
    QThread serverThread;
    auto *server = new DemoServer; // deleted on its thread when the thread ends
    server->moveToThread(&serverThread);
    QObject::connect(&serverThread, &QThread::finished, server, &QObject::deleteLater);
    serverThread.start();
    const auto stopServer = qScopeGuard([&serverThread] {
        serverThread.quit();
        serverThread.wait();
    });
    if (!server->listen(0)) {
        print(QStringLiteral("The demo API could not start"));
        return 1;
    }
    QNetworkAccessManager network;
    WorkflowRunPanel panel(&network);
    panel.resize(1000, 600);
    panel.show();
    JavaScriptStep build;
    build.name = QStringLiteral("js1");
    build.code = QStringLiteral("const items = [];\nfor (let i = 0; i < 40000; ++i)\n"
                                "    items.push({ id: i, name: 'item ' + i, tags: ['a', 'b'] });\n"
                                "return { items };");
    ApiRequestStep post;
    post.name = QStringLiteral("http1");
    post.method = QStringLiteral("POST");
    post.url = QStringLiteral("{{ DEMO_API }}/post");
    post.body.kind = RequestBody::Kind::Json;
    post.body.text = QStringLiteral(R"({"items": "{{ js1.items }}"})");
    Workflow workflow;
    workflow.steps = {build, post};
    Scope start;
    start.set(QStringLiteral("DEMO_API"), server->baseUrl().toString());
    panel.setWorkflow(workflow, start, QStringLiteral("Big"));
    QStringList runStalls;
    for (int run = 0; run < 3; ++run) {
        bool ok = false;
        // Until the run has finished and its results are shown (a run takes longer than the second the
        // other figures wait).
        const double stall = longestStallMs([&panel, &ok](const std::function<void()> &done) {
            QObject::connect(
                &panel, &WorkflowRunPanel::runFinished, &panel,
                [&ok, done](const RunResult &result) {
                    ok = result.succeeded();
                    QTimer::singleShot(500, done);
                },
                Qt::SingleShotConnection);
            panel.start();
        });
        runStalls.append(ok ? QStringLiteral("%1 ms").arg(stall, 0, 'f', 1) : QStringLiteral("failed"));
    }
    // A script step reading a 6 MB reply's items, as `return http1.body.items.length;` does: its input
    // alone would take the window's thread longer than the inline try's 50 ms to convert.
    WorkflowRunPanel readingPanel(&network);
    readingPanel.resize(1000, 600);
    readingPanel.show();
    JavaScriptStep count;
    count.name = QStringLiteral("js1");
    count.code = QStringLiteral("return http1.body.items.length;");
    Workflow counting;
    counting.steps = {count};
    Scope reply;
    reply.set(
        QStringLiteral("http1"),
        QJsonObject {{QStringLiteral("status"), 200}, {QStringLiteral("body"), bigBody(6 * 1024 * 1024)}});
    readingPanel.setWorkflow(counting, reply, QStringLiteral("Reading"));
    QStringList readingStalls;
    for (int run = 0; run < 3; ++run) {
        bool ok = false;
        const double stall = longestStallMs([&readingPanel, &ok](const std::function<void()> &done) {
            QObject::connect(
                &readingPanel, &WorkflowRunPanel::runFinished, &readingPanel,
                [&ok, done](const RunResult &result) {
                    ok = result.succeeded();
                    QTimer::singleShot(500, done);
                },
                Qt::SingleShotConnection);
            readingPanel.start();
        });
        readingStalls.append(ok ? QStringLiteral("%1 ms").arg(stall, 0, 'f', 1) : QStringLiteral("failed"));
    }
    print(QStringLiteral("Testing a workflow that posts 3 MB built by a script and gets it back, 3 runs"));
    print(QStringLiteral("  longest event-loop stall   %1   (target: none over 100 ms)")
              .arg(runStalls.join(QStringLiteral(", "))));
    print(QStringLiteral("Testing a script step that reads the items of a 6 MB reply, 3 runs"));
    print(QStringLiteral("  longest event-loop stall   %1   (target: none over 100 ms)")
              .arg(readingStalls.join(QStringLiteral(", "))));
    return 0;
}
