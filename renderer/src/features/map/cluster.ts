import L from './leaflet';
import 'leaflet.markercluster';

/** A cluster group that adds thousands of markers in chunks, so the page never freezes while it fills. */
export function createClusterGroup(className: string, noun: string): L.MarkerClusterGroup {
  return L.markerClusterGroup({
    chunkedLoading: true,
    showCoverageOnHover: false,
    spiderfyOnMaxZoom: true,
    maxClusterRadius: 50,
    iconCreateFunction: (cluster) => {
      const count = cluster.getChildCount();
      return L.divIcon({
        // Cluster icons are keyboard-focusable buttons: say what they hold, not just a number.
        html: `<span class="visually-hidden">${count} ${noun}, zoom in</span><span aria-hidden="true">${count}</span>`,
        className: `map-cluster ${className}`,
        iconSize: L.point(36, 36),
      });
    },
  });
}
