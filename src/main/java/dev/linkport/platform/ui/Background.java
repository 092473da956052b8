package dev.linkport.platform.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Runs slow work (AWS reads, calls that check things in AWS) off the UI thread, as the signed-in
 * user, and hands the result back to the view through server push. Services authorize with the
 * caller's SecurityContext, so it travels with the task.
 */
@Component
public class Background {

    private final TaskExecutor executor;

    public Background(@Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.executor = executor;
    }

    /**
     * Runs {@code work} in the background; then, in the UI's session, {@code done} with its result or
     * {@code failed} with what it threw. Nothing happens if the UI has gone meanwhile.
     */
    public <T> void run(UI ui, Supplier<T> work, Consumer<T> done, Consumer<RuntimeException> failed) {
        Executor asUser = new DelegatingSecurityContextExecutor(executor, SecurityContextHolder.getContext());
        CompletableFuture.supplyAsync(work, asUser).whenComplete((result, error) -> {
            try {
                ui.access(() -> {
                    if (error == null) {
                        done.accept(result);
                    } else {
                        failed.accept(unwrap(error));
                    }
                });
            } catch (UIDetachedException gone) {
                // the user left the page; nobody to tell
            }
        });
    }

    private static RuntimeException unwrap(Throwable error) {
        Throwable t = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return t instanceof RuntimeException r ? r : new IllegalStateException(t);
    }
}
