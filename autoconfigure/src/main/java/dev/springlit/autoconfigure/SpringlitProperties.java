// Over 300 lines: one @ConfigurationProperties tree (server, runner, client, session groups) as Boot's ServerProperties is, so each default has one source.
package dev.springlit.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Springlit's configuration under {@code streamlit.*}, named after Streamlit's own options
 * ({@code runner.enforceSerializableSessionState} becomes {@code streamlit.runner.enforce-serializable-session-state}).
 */
@ConfigurationProperties(prefix = "streamlit")
public class SpringlitProperties {

    private final Runner runner = new Runner();
    private final Server server = new Server();
    private final Client client = new Client();
    private final Session session = new Session();

    public Runner getRunner() {
        return runner;
    }

    public Server getServer() {
        return server;
    }

    public Client getClient() {
        return client;
    }

    public Session getSession() {
        return session;
    }

    /** How pages run. */
    public static class Runner {

        /**
         * Only allow values that Java serialization can write into SessionState: a put of anything else throws
         * at once, and every entry is checked again at the end of each run.
         */
        private boolean enforceSerializableSessionState = false;

        /**
         * The most one session's state may hold, measured as Java serialization writes its values (so values must
         * be serializable, as with enforce-serializable-session-state); a put of a larger value throws, and a run
         * that ends with more keeps none of its state changes and shows an error. Unset: no limit.
         */
        private DataSize maxSessionStateSize;

        public DataSize getMaxSessionStateSize() {
            return maxSessionStateSize;
        }

        public void setMaxSessionStateSize(DataSize maxSessionStateSize) {
            this.maxSessionStateSize = maxSessionStateSize;
        }

        public boolean isEnforceSerializableSessionState() {
            return enforceSerializableSessionState;
        }

        public void setEnforceSerializableSessionState(boolean enforceSerializableSessionState) {
            this.enforceSerializableSessionState = enforceSerializableSessionState;
        }

        /**
         * The most platform threads executing page runs at once; the pool grows with the runs in progress and
         * idle threads end after 30 s, and past this many, new runs wait for a thread.
         */
        private int maxThreads = 4_000;

        /**
         * How long one run may take before it is interrupted and ends with a message; 0 means no limit.
         */
        private Duration maxRunTime = Duration.ofMinutes(5);

        /**
         * How long a run interrupted at max-run-time has to end before it is abandoned: its session goes on
         * without it and its thread is left to end on its own.
         */
        private Duration interruptGrace = Duration.ofSeconds(10);

        /**
         * How many abandoned runs of one page may still hold their thread before the page is refused with an
         * error until one of them ends.
         */
        private int maxAbandonedRunsPerPage = 4;

        public int getMaxThreads() {
            return maxThreads;
        }

        public void setMaxThreads(int maxThreads) {
            this.maxThreads = maxThreads;
        }

        public Duration getMaxRunTime() {
            return maxRunTime;
        }

        public void setMaxRunTime(Duration maxRunTime) {
            this.maxRunTime = maxRunTime;
        }

        public Duration getInterruptGrace() {
            return interruptGrace;
        }

        public void setInterruptGrace(Duration interruptGrace) {
            this.interruptGrace = interruptGrace;
        }

        public int getMaxAbandonedRunsPerPage() {
            return maxAbandonedRunsPerPage;
        }

        public void setMaxAbandonedRunsPerPage(int maxAbandonedRunsPerPage) {
            this.maxAbandonedRunsPerPage = maxAbandonedRunsPerPage;
        }
    }

    /** Sessions, connections and limits. */
    public static class Server {

        /** How long a session whose tab is gone is kept, so a refresh or a reconnect finds it again. */
        private Duration disconnectedSessionTtl = Duration.ofSeconds(120);

        /** The most sessions (tabs, attached or parked) at once; past it new tabs get a "server busy" message. */
        private int maxSessions = 10_000;

        /** The largest message a tab may send over the WebSocket; larger ones are refused with an error. */
        private DataSize maxMessageSize = DataSize.ofKilobytes(256);

        /**
         * The size of Tomcat's per-connection WebSocket and socket buffers. Tomcat's defaults (8 KB each, about
         * 64 KB per open tab) dominate the memory of an idle tab; messages larger than the buffer still arrive
         * whole because Springlit reads partial frames, and larger output is written in several pieces.
         * 0 leaves Tomcat's defaults.
         */
        private DataSize websocketBufferSize = DataSize.ofBytes(512);

        /**
         * Characters of an incoming message Tomcat decodes on Springlit's endpoint before handing it a part (Springlit
         * joins the parts; each connection keeps a buffer of this many characters, two bytes each), e.g. 128B to save
         * ~770 bytes per idle tab. Only Springlit's endpoint. 0 leaves websocket-buffer-size's.
         */
        private DataSize websocketReceiveBufferSize = DataSize.ofBytes(0);

        /** The largest file a tab may upload with st.fileUploader; larger uploads are refused with 413. */
        private DataSize maxUploadSize = DataSize.ofMegabytes(50);

        /** Uploads larger than this are written to a temporary file instead of being kept in memory. */
        private DataSize uploadSpoolThreshold = DataSize.ofKilobytes(256);

        /**
         * The most bytes of uploads all sessions together keep in memory; past it uploads go to temporary files
         * (with max-upload-disk 0 they are refused with 503).
         */
        private DataSize maxUploadMemory = DataSize.ofMegabytes(64);

        /**
         * The most bytes of uploads all sessions together keep in temporary files; past it uploads are refused
         * with 503. 0 keeps every upload in memory.
         */
        private DataSize maxUploadDisk = DataSize.ofGigabytes(1);

        /** Where the temporary directory for spooled uploads is made; the JVM's java.io.tmpdir when unset. */
        private String uploadDirectory;

        public DataSize getUploadSpoolThreshold() {
            return uploadSpoolThreshold;
        }

        public void setUploadSpoolThreshold(DataSize uploadSpoolThreshold) {
            this.uploadSpoolThreshold = uploadSpoolThreshold;
        }

        public DataSize getMaxUploadMemory() {
            return maxUploadMemory;
        }

        public void setMaxUploadMemory(DataSize maxUploadMemory) {
            this.maxUploadMemory = maxUploadMemory;
        }

        public DataSize getMaxUploadDisk() {
            return maxUploadDisk;
        }

        public void setMaxUploadDisk(DataSize maxUploadDisk) {
            this.maxUploadDisk = maxUploadDisk;
        }

        public String getUploadDirectory() {
            return uploadDirectory;
        }

        public void setUploadDirectory(String uploadDirectory) {
            this.uploadDirectory = uploadDirectory;
        }

        /** The most unsent output a tab may fall behind by before it is disconnected (its session is kept). */
        private DataSize maxOutboundBacklog = DataSize.ofMegabytes(4);

        /** How long a single send to a slow tab may take before it is disconnected. */
        private Duration sendTimeLimit = Duration.ofSeconds(10);

        /**
         * The most messages a tab may send per second over its WebSocket (with a small burst allowance: a
         * quarter of a second's worth, at least 10). Messages past it are dropped and answered with a
         * {@code rate_limited} error; a tab that keeps flooding (over twice the limit within a second) is
         * disconnected with close code 1008 and its session is parked, so a reconnect finds it. 0 turns the
         * limit off.
         */
        private int maxMessagesPerSecond = 200;

        /**
         * Origins (patterns such as {@code https://*.example.com}) allowed to open the WebSocket besides the
         * page's own; empty means same origin only.
         */
        private List<String> allowedOrigins = new ArrayList<>();

        /**
         * Host names (such as {@code app.example.com}, {@code *.example.com} or {@code *}; ports ignored) that
         * Springlit's pages, files and WebSocket answer to, others get 403; empty means loopback names only when
         * {@code server.address} is a loopback address and any name otherwise.
         */
        private List<String> allowedHosts = new ArrayList<>();

        /**
         * Who may show Springlit's pages in a frame, as the sources of the Content-Security-Policy's
         * {@code frame-ancestors} directive (such as {@code 'self'}, {@code 'none'} or
         * {@code https://portal.example.com}).
         */
        private List<String> frameAncestors = new ArrayList<>(List.of("'self'"));

        /**
         * A Content-Security-Policy to send instead of Springlit's own strict one (which allows only the app's
         * own scripts, styles and connections); empty keeps Springlit's.
         */
        private String contentSecurityPolicy = "";

        /**
         * Send security headers with Springlit's responses: Content-Security-Policy and, without Spring
         * Security, X-Content-Type-Options, X-Frame-Options and Referrer-Policy; false leaves headers to the
         * application.
         */
        private boolean securityHeaders = true;

        /**
         * How long a parked session whose tab did nothing after its first run (no click, no navigation, no
         * reconnect) is kept; at most the disconnected-session TTL.
         */
        private Duration untouchedSessionTtl = Duration.ofSeconds(10);

        /**
         * How long a page's {@code GET} waits for a new tab's first run, which it then renders into the page (the
         * page shows before any script runs; the tab's WebSocket adopts that run instead of running the page again).
         * Past it the page goes out empty and the run reaches the tab over the socket. 0 turns server rendering off.
         */
        private Duration firstRenderWait = Duration.ofMillis(500);

        /**
         * Whether Tomcat's idle request threads take work most recently idle first, so a tab's next message is read
         * by the thread that read its last one (Tomcat wakes the thread idle longest). The thread sizes stay
         * {@code server.tomcat.threads.*}; a connector with an executor of its own (virtual threads) is left alone.
         */
        private boolean warmRequestThreads = true;

        /**
         * The most sessions (attached or parked) the tabs of one client address may hold; past it a new tab from
         * there gets a "busy" message. Raise it when many users reach the server through one proxy or NAT.
         */
        private int maxSessionsPerAddress = 1_000;

        /**
         * The most open WebSocket connections per client address; past it a new one is closed at once (1013).
         * Raise it when many users reach the server through one proxy or NAT.
         */
        private int maxConnectionsPerAddress = 1_000;

        /** How long a new WebSocket connection has to say hello before it is closed (1013). */
        private Duration helloTimeout = Duration.ofSeconds(10);

        /**
         * The largest message a connection may send before its hello (which carries the tab's widget values);
         * a larger one is dropped with a "too_large" error.
         */
        private DataSize maxHelloMessageSize = DataSize.ofKilobytes(64);

        /** How long a message sent in several WebSocket frames may take to arrive whole before the connection is closed. */
        private Duration messageCompletionTimeout = Duration.ofSeconds(20);

        /**
         * The most bytes of unfinished (fragmented) messages held across all connections; connections that have
         * not said hello may use half of it. A fragment that does not fit closes its connection (1013).
         */
        private DataSize maxUnfinishedMessagesSize = DataSize.ofMegabytes(32);

        /**
         * How long a tab's connection may stay silent (pongs included) before it is closed and its session parked;
         * the server pings it after a third of this.
         */
        private Duration silentConnectionTimeout = Duration.ofSeconds(60);

        public boolean isWarmRequestThreads() {
            return warmRequestThreads;
        }

        public void setWarmRequestThreads(boolean warmRequestThreads) {
            this.warmRequestThreads = warmRequestThreads;
        }

        public Duration getFirstRenderWait() {
            return firstRenderWait;
        }

        public void setFirstRenderWait(Duration firstRenderWait) {
            this.firstRenderWait = firstRenderWait;
        }

        public Duration getUntouchedSessionTtl() {
            return untouchedSessionTtl;
        }

        public void setUntouchedSessionTtl(Duration untouchedSessionTtl) {
            this.untouchedSessionTtl = untouchedSessionTtl;
        }

        public int getMaxSessionsPerAddress() {
            return maxSessionsPerAddress;
        }

        public void setMaxSessionsPerAddress(int maxSessionsPerAddress) {
            this.maxSessionsPerAddress = maxSessionsPerAddress;
        }

        public int getMaxConnectionsPerAddress() {
            return maxConnectionsPerAddress;
        }

        public void setMaxConnectionsPerAddress(int maxConnectionsPerAddress) {
            this.maxConnectionsPerAddress = maxConnectionsPerAddress;
        }

        public Duration getHelloTimeout() {
            return helloTimeout;
        }

        public void setHelloTimeout(Duration helloTimeout) {
            this.helloTimeout = helloTimeout;
        }

        public DataSize getMaxHelloMessageSize() {
            return maxHelloMessageSize;
        }

        public void setMaxHelloMessageSize(DataSize maxHelloMessageSize) {
            this.maxHelloMessageSize = maxHelloMessageSize;
        }

        public Duration getMessageCompletionTimeout() {
            return messageCompletionTimeout;
        }

        public void setMessageCompletionTimeout(Duration messageCompletionTimeout) {
            this.messageCompletionTimeout = messageCompletionTimeout;
        }

        public DataSize getMaxUnfinishedMessagesSize() {
            return maxUnfinishedMessagesSize;
        }

        public void setMaxUnfinishedMessagesSize(DataSize maxUnfinishedMessagesSize) {
            this.maxUnfinishedMessagesSize = maxUnfinishedMessagesSize;
        }

        public Duration getSilentConnectionTimeout() {
            return silentConnectionTimeout;
        }

        public void setSilentConnectionTimeout(Duration silentConnectionTimeout) {
            this.silentConnectionTimeout = silentConnectionTimeout;
        }

        public Duration getDisconnectedSessionTtl() {
            return disconnectedSessionTtl;
        }

        public void setDisconnectedSessionTtl(Duration disconnectedSessionTtl) {
            this.disconnectedSessionTtl = disconnectedSessionTtl;
        }

        public int getMaxSessions() {
            return maxSessions;
        }

        public void setMaxSessions(int maxSessions) {
            this.maxSessions = maxSessions;
        }

        public DataSize getMaxMessageSize() {
            return maxMessageSize;
        }

        public void setMaxMessageSize(DataSize maxMessageSize) {
            this.maxMessageSize = maxMessageSize;
        }

        public DataSize getWebsocketBufferSize() {
            return websocketBufferSize;
        }

        public void setWebsocketBufferSize(DataSize websocketBufferSize) {
            this.websocketBufferSize = websocketBufferSize;
        }

        public DataSize getWebsocketReceiveBufferSize() {
            return websocketReceiveBufferSize;
        }

        public void setWebsocketReceiveBufferSize(DataSize websocketReceiveBufferSize) {
            this.websocketReceiveBufferSize = websocketReceiveBufferSize;
        }

        public DataSize getMaxUploadSize() {
            return maxUploadSize;
        }

        public void setMaxUploadSize(DataSize maxUploadSize) {
            this.maxUploadSize = maxUploadSize;
        }

        public DataSize getMaxOutboundBacklog() {
            return maxOutboundBacklog;
        }

        public void setMaxOutboundBacklog(DataSize maxOutboundBacklog) {
            this.maxOutboundBacklog = maxOutboundBacklog;
        }

        public Duration getSendTimeLimit() {
            return sendTimeLimit;
        }

        public void setSendTimeLimit(Duration sendTimeLimit) {
            this.sendTimeLimit = sendTimeLimit;
        }

        public int getMaxMessagesPerSecond() {
            return maxMessagesPerSecond;
        }

        public void setMaxMessagesPerSecond(int maxMessagesPerSecond) {
            this.maxMessagesPerSecond = maxMessagesPerSecond;
        }

        public List<String> getAllowedOrigins() {
            return allowedOrigins;
        }

        public void setAllowedOrigins(List<String> allowedOrigins) {
            this.allowedOrigins = allowedOrigins;
        }

        public List<String> getAllowedHosts() {
            return allowedHosts;
        }

        public void setAllowedHosts(List<String> allowedHosts) {
            this.allowedHosts = allowedHosts;
        }

        public List<String> getFrameAncestors() {
            return frameAncestors;
        }

        public void setFrameAncestors(List<String> frameAncestors) {
            this.frameAncestors = frameAncestors;
        }

        public String getContentSecurityPolicy() {
            return contentSecurityPolicy;
        }

        public void setContentSecurityPolicy(String contentSecurityPolicy) {
            this.contentSecurityPolicy = contentSecurityPolicy;
        }

        public boolean isSecurityHeaders() {
            return securityHeaders;
        }

        public void setSecurityHeaders(boolean securityHeaders) {
            this.securityHeaders = securityHeaders;
        }
    }

    /** What the browser shows. */
    public static class Client {

        /**
         * Show exceptions' type, message and stack trace in the page; off by default (Spring Boot DevTools turns
         * it on during development), and when off the page shows a generic text and a short reference that the
         * log line with the full error carries too.
         */
        private boolean showErrorDetails = false;

        /**
         * Warn in the page when a widget is given a default value and also has its value set through
         * SessionState.
         */
        private boolean widgetStateDuplicationWarning = true;

        /** The name shown above the sidebar's page list. */
        private String appName = "Springlit";

        public boolean isShowErrorDetails() {
            return showErrorDetails;
        }

        public void setShowErrorDetails(boolean showErrorDetails) {
            this.showErrorDetails = showErrorDetails;
        }

        public boolean isWidgetStateDuplicationWarning() {
            return widgetStateDuplicationWarning;
        }

        public void setWidgetStateDuplicationWarning(boolean widgetStateDuplicationWarning) {
            this.widgetStateDuplicationWarning = widgetStateDuplicationWarning;
        }

        public String getAppName() {
            return appName;
        }

        public void setAppName(String appName) {
            this.appName = appName;
        }
    }

    /**
     * Where sessions are kept so that they outlive this JVM (see README "Running several instances"). They expire
     * after {@code streamlit.server.disconnected-session-ttl} without a tab.
     */
    public static class Session {

        /**
         * {@code memory}: in this JVM, kept across a restart of the application in it (DevTools); {@code redis}:
         * in Redis through Spring Boot's connection ({@code spring.data.redis.*}), committed after every run so
         * any instance can continue a tab. A {@code SessionStore} bean of the application replaces either.
         */
        private String store = "memory";

        /**
         * Packages (with their subpackages) whose classes stored values may have, beyond the JDK value types and
         * collections; reading the store never creates objects of other classes.
         */
        private List<String> allowedPackages = new ArrayList<>();

        /** This instance's name in the store's ownership records; the host name and a random suffix when unset. */
        private String nodeId;

        public String getStore() {
            return store;
        }

        public void setStore(String store) {
            this.store = store;
        }

        public List<String> getAllowedPackages() {
            return allowedPackages;
        }

        public void setAllowedPackages(List<String> allowedPackages) {
            this.allowedPackages = allowedPackages;
        }

        public String getNodeId() {
            return nodeId;
        }

        public void setNodeId(String nodeId) {
            this.nodeId = nodeId;
        }
    }
}
