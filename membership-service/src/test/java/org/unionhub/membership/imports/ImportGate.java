package org.unionhub.membership.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Lets a test hold the import workers at the start of a job (open unless a test closes it). */
@ApplicationScoped
public class ImportGate {

    private static volatile CountDownLatch gate;

    public static void close() {
        gate = new CountDownLatch(1);
    }

    public static void open() {
        CountDownLatch g = gate;
        gate = null;
        if (g != null) {
            g.countDown();
        }
    }

    void onStart(@Observes MemberImportJob.Starting starting) throws InterruptedException {
        CountDownLatch g = gate;
        if (g != null) {
            g.await(60, TimeUnit.SECONDS);
        }
    }
}
