import NIOCore

/// Runs a task's jobs on one NIO event loop: a connection's request handling under this
/// preference runs where its channel's I/O runs, so no await on that channel's reads and writes,
/// nor on an upstream exchange kept on the same loop, hands the task to another thread.
final class EventLoopTaskExecutor: TaskExecutor {
    let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute {
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }
}
