// The benchmark's baseline: a bare Qt Widgets program showing an empty QMainWindow, started the same way
// as the studio. Prints "painted" and quits once its first frame is complete. With --label the window shows
// one line of text, which makes it load fonts as any window with text must (a second, informational
// baseline).
#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QPaintEvent>
#include <cstdio>

namespace {
class Window : public QMainWindow
{
protected:
    void paintEvent(QPaintEvent *event) override
    {
        QMainWindow::paintEvent(event);
        if (!m_painted) {
            m_painted = true;
            // Queued, as in the studio: it runs once the whole first frame has been painted and flushed.
            QMetaObject::invokeMethod(
                qApp,
                [] {
                    std::printf("painted\n");
                    std::fflush(stdout);
                    QApplication::quit();
                },
                Qt::QueuedConnection);
        }
    }

private:
    bool m_painted = false;
};
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    Window window;
    if (QCoreApplication::arguments().contains(QStringLiteral("--label")))
        window.setCentralWidget(new QLabel(QStringLiteral("Auth Studio"), &window));
    window.resize(1280, 800);
    window.show();
    return QApplication::exec();
}
