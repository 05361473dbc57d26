import { LabelledDivIcon } from './labelled-icon';
import L from './leaflet';
import 'leaflet.markercluster';

/** A cluster group that adds thousands of markers in chunks, so the page never freezes while it fills. */
export function createClusterGroup(className: string, noun: string): L.MarkerClusterGroup {
  return L.markerClusterGroup({
    chunkedLoading: true,
    // Animated regrouping starts a CSS transition on every marker a zoom reveals: with 2,000
    // markers that was a second-long frame (docs/benchmarks.md). Clusters simply redraw instead.
    animate: false,
    showCoverageOnHover: false,
    spiderfyOnMaxZoom: true,
    maxClusterRadius: 50,
    // A User Timing mark when a batch is fully clustered: the map benchmark (and DevTools) reads it.
    chunkProgress: (processed, total) => {
      if (processed === total) performance.mark(`map:${noun}-clustered`);
    },
    iconCreateFunction: (cluster) => {
      const count = cluster.getChildCount();
      // Cluster icons are keyboard-focusable buttons: say what they hold, not just a number.
      return new LabelledDivIcon(
        { html: String(count), className: `map-cluster ${className}`, iconSize: L.point(36, 36) },
        `${count} ${noun}, zoom in`,
      );
    },
  });
}
