'use client';
// The last resort when the root layout itself fails: it replaces the whole document, so it brings
// its own <html> and <body> and plain styles (the stylesheet may be what failed).
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', margin: 0, padding: '6rem 1.5rem', textAlign: 'center', color: '#0f172a' }}>
        <h1 style={{ fontSize: '1.5rem', fontWeight: 600 }}>Clearance is not available right now</h1>
        <p style={{ color: '#475569' }}>Nothing was saved by the request that failed. Try again in a moment.</p>
        {error.digest ? <p style={{ fontFamily: 'monospace', fontSize: '0.75rem', color: '#64748b' }}>Reference {error.digest}</p> : null}
        <button
          type="button"
          onClick={() => reset()}
          style={{
            marginTop: '1.5rem',
            padding: '0.5rem 1rem',
            fontWeight: 600,
            borderRadius: '0.375rem',
            border: '1px solid #cbd5e1',
            background: 'white',
            cursor: 'pointer',
          }}
        >
          Try again
        </button>
      </body>
    </html>
  );
}
