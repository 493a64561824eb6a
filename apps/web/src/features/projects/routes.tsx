import type { RouteObject } from 'react-router';
import { guarded, lazyPage } from '../../kit/routing';

const ProjectsPage = lazyPage(() => import('./pages/ProjectsPage'), 'ProjectsPage');
const ProjectDetailPage = lazyPage(() => import('./pages/ProjectDetailPage'), 'ProjectDetailPage');
const ProjectFormPage = lazyPage(() => import('./pages/ProjectFormPage'), 'ProjectFormPage');

/** The projects module's pages (招商项目库): list, new, detail, edit. */
export const projectRouteObjects: RouteObject[] = [
  { path: 'projects', element: guarded('projects.read', <ProjectsPage />) },
  { path: 'projects/new', element: guarded('projects.write', <ProjectFormPage />) },
  { path: 'projects/:id', element: guarded('projects.read', <ProjectDetailPage />) },
  { path: 'projects/:id/edit', element: guarded('projects.write', <ProjectFormPage />) },
];
