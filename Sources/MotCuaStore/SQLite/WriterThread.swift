import Foundation
import Synchronization

/// Luồng ghi riêng — a thread of its own on which SQLite's writer runs its batches (a Swift task executor).
///
/// A commit waits for the disk (`fsync`) while holding its thread. On Swift's shared pool, which has one thread per
/// core, that wait would take a core away from every other request for as long as the disk takes; here it only
/// holds this thread, and the pool keeps serving HTTP, JSON and reads meanwhile.
final class WriterThread: TaskExecutor, @unchecked Sendable {
    private struct Queue {
        var jobs: [UnownedJob] = []
        var stopped = false
    }

    private let queue = Mutex(Queue())
    private let ready = DispatchSemaphore(value: 0)

    init() {
        Thread { [self] in run() }.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.withLock { $0.jobs.append(job) }
        ready.signal()
    }

    /// Ends the thread once the jobs already queued have run.
    func stop() {
        queue.withLock { $0.stopped = true }
        ready.signal()
    }

    private func run() {
        ThreadName.writer.nameCurrentThread()
        while true {
            ready.wait()
            let (job, stopped) = queue.withLock { queue in
                (queue.jobs.isEmpty ? nil : queue.jobs.removeFirst(), queue.stopped && queue.jobs.isEmpty)
            }
            job?.runSynchronously(on: asUnownedTaskExecutor())
            if job == nil && stopped { return }
        }
    }
}
